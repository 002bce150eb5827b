package dev.uvi.internal.server;

import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import dev.uvi.http.RequestBodies;
import dev.uvi.http.Responses;
import dev.uvi.internal.http.HttpBridge;
import dev.uvi.internal.http.ServerLoggers;
import dev.uvi.server.UviConfig;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.resources.LoopResources;

/**
 * Binding and a first request load and initialise some 1,500 classes of reactor-netty, Netty and uvi.
 * This serves a GET and a small POST on a throwaway server (the {@link ServerPipeline} of a default
 * config, on the loopback address, a free port, one event loop, no access log, a built-in
 * application) and frees it, so that those classes are loaded where no server starts: in a CDS
 * training run, whose archive then holds them, or on a thread of the caller's. Runs at most once per
 * JVM, never after a server has started, and never fails: a problem is logged at debug and the real
 * server simply loads the classes itself.
 */
final class ServerWarmup {

	private static final Logger logger = LoggerFactory.getLogger(ServerLoggers.ERROR);

	/** Each step on the loopback takes milliseconds; the bound only matters if something is badly wrong. */
	private static final Duration STEP = Duration.ofSeconds(2);

	/** How long a starting server waits for a warm-up in progress before it goes ahead anyway. */
	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final ReentrantLock lock = new ReentrantLock();

	private static final AtomicBoolean done = new AtomicBoolean();

	private ServerWarmup() {
	}

	/** @return whether this call warmed up (false: done already, or a server has started) */
	static boolean run() {
		lock.lock();
		try {
			if (!done.compareAndSet(false, true)) {
				return false;
			}
			List<String> statuses = serve();
			logger.debug("Warm-up answered {}", statuses);
			return true;
		}
		catch (IOException | RuntimeException | LinkageError ex) {
			logger.debug("Warm-up failed, the server will load its classes when it starts: {}", ex.toString());
			return true;
		}
		finally {
			lock.unlock();
		}
	}

	/** Called as a server starts: waits for a warm-up in progress, and keeps any later one from running. */
	static void skip() {
		boolean locked = false;
		try {
			locked = lock.tryLock(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		done.set(true);
		if (locked) {
			lock.unlock();
		}
	}

	/** @return the status line of each response, in order */
	static List<String> serve() throws IOException {
		InetAddress loopback = InetAddress.getLoopbackAddress();
		UviConfig config = UviConfig.builder().host(loopback.getHostAddress()).port(0).workers(1).accessLog(false)
			.build();
		LoopResources loops = LoopResources.create("uvi-warmup", 1, true);
		HttpBridge bridge = new HttpBridge(config, ServerWarmup::answer, Map::of);
		DisposableServer server = null;
		try {
			server = ServerPipeline.create(config, bridge, loops, new DefaultChannelGroup(GlobalEventExecutor.INSTANCE))
				.bindNow(STEP);
			InetSocketAddress address = new InetSocketAddress(loopback, server.port());
			List<String> statuses = new ArrayList<>();
			statuses.add(exchange(address, "GET / HTTP/1.1\r\nhost: warmup\r\nconnection: close\r\n\r\n"));
			statuses.add(exchange(address,
					"POST / HTTP/1.1\r\nhost: warmup\r\ncontent-length: 5\r\nconnection: close\r\n\r\nhello"));
			return statuses;
		}
		finally {
			if (server != null) {
				server.disposeNow(STEP);
			}
			loops.disposeLater(Duration.ZERO, STEP).block(STEP.multipliedBy(2));
		}
	}

	/** Reads the request body, as most applications do, then answers a short text. */
	private static CompletionStage<Void> answer(Scope scope, Receive receive, Send send) {
		return RequestBodies.readAll(receive, 1024)
			.thenCompose((body) -> Responses.text(send, 200, body.length + " bytes"));
	}

	private static String exchange(InetSocketAddress address, String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(address, (int) STEP.toMillis());
			socket.setSoTimeout((int) STEP.toMillis());
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII); // until the server closes
			int end = response.indexOf('\r');
			return (end < 0) ? response : response.substring(0, end);
		}
	}
}
