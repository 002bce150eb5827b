package dev.uvi.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every load connection shares: the upgrade request, the one pre-encoded frame they all send,
 * the length of the echo that comes back, how many messages each sends, and the counters.
 */
final class EchoState {

	private static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

	final ByteBuf upgradeRequest;

	final ByteBuf frame;

	/** An unmasked server frame: two header bytes (payload below 126 bytes) and the payload. */
	final int echoLength;

	final LongAdder echoes;

	/** Messages each connection keeps in flight. */
	final int depth;

	/** Messages each connection sends in all ({@link Long#MAX_VALUE}: until closed). */
	final long messages;

	final int connections;

	private final CountDownLatch upgrades = new CountDownLatch(1);

	private volatile int upgraded;

	private volatile String refusal = "";

	EchoState(URI uri, int connections, int size, int depth, long messages, LongAdder echoes) {
		this.depth = depth;
		this.messages = messages;
		this.connections = connections;
		if (size > 125) {
			throw new IllegalArgumentException("message-bytes must be at most 125 (one-byte frame length)");
		}
		String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
				+ "Sec-WebSocket-Version: 13\r\n\r\n";
		this.upgradeRequest = Unpooled.unreleasableBuffer(
				Unpooled.wrappedBuffer(request.getBytes(StandardCharsets.US_ASCII)).asReadOnly());
		byte[] frame = new byte[6 + size];
		frame[0] = (byte) 0x81; // FIN, text
		frame[1] = (byte) (0x80 | size); // masked, length
		System.arraycopy(MASK, 0, frame, 2, 4);
		for (int i = 0; i < size; i++) {
			frame[6 + i] = (byte) ('a' + (i % 26) ^ MASK[i % 4]);
		}
		this.frame = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(frame).asReadOnly());
		this.echoLength = 2 + size;
		this.echoes = echoes;
	}

	/** Called on the one event-loop thread only. */
	void upgraded() {
		if (++this.upgraded == this.connections) {
			this.upgrades.countDown();
		}
	}

	void refused(String statusLine) {
		this.refusal = statusLine;
		this.upgrades.countDown();
	}

	boolean awaitUpgrades() throws InterruptedException {
		this.upgrades.await(30, TimeUnit.SECONDS);
		return this.upgraded == this.connections;
	}

	String refusal() {
		return this.refusal;
	}
}
