package dev.uvi.bench.load;

import java.net.URI;
import java.util.concurrent.atomic.LongAdder;

/**
 * A wrk for WebSocket echo: {@code connections} sockets, each with {@code depth} messages in flight
 * (default 1), sending a pre-encoded masked text frame whenever an echo is back, and counting echoes. It parses
 * nothing but the upgrade response and frame boundaries, so it costs far less CPU than any server it
 * drives; a load client doing real WebSocket work on the other core would cap the ceiling target first.
 *
 * <p>Arguments: {@code ws-url connections warmup-seconds seconds message-bytes [depth]}. Prints one line,
 * {@code messages/s: N}, or exits 2 when the handshake is refused (the route does not exist).
 */
public final class WebSocketEchoLoad {

	private WebSocketEchoLoad() {
	}

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0]);
		int connections = Integer.parseInt(args[1]);
		int warmup = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		int size = Integer.parseInt(args[4]);
		int depth = (args.length > 5) ? Integer.parseInt(args[5]) : 1;
		LongAdder echoes = new LongAdder();
		EchoState state = new EchoState(uri, connections, size, depth, Long.MAX_VALUE, echoes);
		try (EchoClient client = new EchoClient()) {
			if (!client.connect(uri, state)) {
				System.out.println("handshake refused: " + state.refusal());
				System.exit(2);
			}
			Thread.sleep(warmup * 1000L);
			long before = echoes.sum();
			long start = System.nanoTime();
			Thread.sleep(seconds * 1000L);
			long count = echoes.sum() - before;
			double elapsed = (System.nanoTime() - start) / 1e9;
			System.out.printf("messages/s: %.0f%n", count / elapsed);
		}
	}
}
