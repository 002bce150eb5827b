package dev.uvi.bench.load;

import java.net.URI;
import java.util.concurrent.atomic.LongAdder;

/**
 * Opens {@code count} WebSockets to an echo route, sends one 64-byte message on each and waits for its
 * echo, so the server has set up its per-connection state on every one, then holds them open for
 * {@code hold-seconds} (or until killed) while run.sh reads the server's memory.
 *
 * <p>Arguments: {@code ws-url count hold-seconds}. Prints {@code open: N echoed: E} once the echoes are
 * back ({@code N} sockets still open), or exits 2 when the handshake is refused (the route does not exist).
 */
public final class OpenWebSockets {

	private OpenWebSockets() {
	}

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0]);
		int count = Integer.parseInt(args[1]);
		int hold = Integer.parseInt(args[2]);
		LongAdder echoes = new LongAdder();
		EchoState state = new EchoState(uri, count, 64, 1, 1, echoes);
		try (EchoClient client = new EchoClient()) {
			if (!client.connect(uri, state)) {
				System.out.println("handshake refused: " + state.refusal());
				System.exit(2);
			}
			long deadline = System.nanoTime() + 60_000_000_000L;
			while (echoes.sum() < count && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			System.out.println("open: " + client.open() + " echoed: " + echoes.sum());
			Thread.sleep(hold * 1000L);
		}
	}
}
