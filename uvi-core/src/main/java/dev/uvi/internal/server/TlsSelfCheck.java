package dev.uvi.internal.server;

import dev.uvi.server.UviServerException;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Shakes hands with the server's own TLS context in memory before the socket is bound. The JDK does
 * not check that a private key belongs to its certificate until a client verifies a signature made
 * with it, so a mismatched pair would otherwise fail every handshake in production instead of
 * failing startup.
 */
final class TlsSelfCheck {

	private static final int MAX_STEPS = 200;

	private TlsSelfCheck() {
	}

	static void verify(SslContext serverContext, String property) {
		SSLEngine server = serverContext.newEngine(ByteBufAllocator.DEFAULT);
		server.setNeedClientAuth(false);
		server.setWantClientAuth(false);
		try {
			SSLContext trustingClient = SSLContext.getInstance("TLS");
			trustingClient.init(null, new TrustManager[] { new TrustAnything() }, null);
			SSLEngine client = trustingClient.createSSLEngine("uvi.self-check", 443);
			client.setUseClientMode(true);
			handshake(client, server);
		}
		catch (SSLException ex) {
			throw new UviServerException(property + ": the key does not match the certificate, or no protocol and "
					+ "cipher are left to agree on (" + ex.getMessage() + ")", ex);
		}
		catch (Exception ex) {
			throw new UviServerException(property + ": TLS self-check failed (" + ex.getMessage() + ")", ex);
		}
	}

	private static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
		int size = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
		int appSize = Math.max(client.getSession().getApplicationBufferSize(),
				server.getSession().getApplicationBufferSize());
		ByteBuffer toServer = ByteBuffer.allocate(size * 4);
		ByteBuffer toClient = ByteBuffer.allocate(size * 4);
		ByteBuffer app = ByteBuffer.allocate(appSize * 2);
		ByteBuffer empty = ByteBuffer.allocate(0);
		client.beginHandshake();
		server.beginHandshake();
		for (int step = 0; step < MAX_STEPS; step++) {
			if (done(client) && done(server)) {
				return;
			}
			step(client, empty, toServer, toClient, app);
			step(server, empty, toClient, toServer, app);
		}
		throw new SSLException("handshake did not finish");
	}

	/** Lets one engine write what it wants to the peer, then read what the peer wrote. */
	private static void step(SSLEngine engine, ByteBuffer empty, ByteBuffer out, ByteBuffer in, ByteBuffer app)
			throws SSLException {
		HandshakeStatus status = engine.getHandshakeStatus();
		while (status == HandshakeStatus.NEED_TASK) {
			engine.getDelegatedTask().run();
			status = engine.getHandshakeStatus();
		}
		if (status == HandshakeStatus.NEED_WRAP) {
			engine.wrap(empty, out);
		}
		in.flip();
		if (in.hasRemaining() && engine.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
			app.clear();
			engine.unwrap(in, app);
		}
		in.compact();
		while (engine.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
			engine.getDelegatedTask().run();
		}
	}

	private static boolean done(SSLEngine engine) {
		HandshakeStatus status = engine.getHandshakeStatus();
		return status == HandshakeStatus.FINISHED || status == HandshakeStatus.NOT_HANDSHAKING;
	}

	/** Only for this check: the point is the server's key, not the client's trust. */
	private static final class TrustAnything implements X509TrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}
	}
}
