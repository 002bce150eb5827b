package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpRequest;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Send;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The back-pressure contract both ways: a slow client stalls the application's {@code send()}, and a
 * slow application stalls the client's upload. Memory never grows with the body size.
 */
class BackPressureTests {

	private static final int CHUNK = 64 * 1024;

	private static final long BODY = 256L * 1024 * 1024;

	/** Far below the body size: kernel socket buffers on both ends plus Netty's write watermark. */
	private static final long BOUND = 24L * 1024 * 1024;

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@Test
	void slowReaderStallsTheApplicationsSends() throws Exception {
		AtomicLong accepted = new AtomicLong();
		int port = this.fixture.start((scope, receive, send) -> (scope instanceof HttpScope)
				? send.send(HttpResponseStart.of(200, Headers.of("content-length", Long.toString(BODY))))
					.thenCompose((v) -> sendChunks(send, accepted, BODY))
				: CompletableFuture.failedFuture(new IllegalStateException("no lifespan")));
		try (Socket socket = new Socket()) {
			socket.setReceiveBufferSize(16 * 1024);
			socket.connect(new InetSocketAddress("127.0.0.1", port));
			socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
			awaitStable(accepted::get);
			assertThat(accepted.get()).as("bytes the app got past send() while the client read nothing")
				.isGreaterThan(0)
				.isLessThan(BOUND);
			long read = drain(socket.getInputStream());
			assertThat(read).isGreaterThan(BODY);
			await().atMost(Duration.ofSeconds(10)).until(() -> accepted.get() == BODY);
		}
	}

	@Test
	void slowApplicationStallsTheClientsUpload() throws Exception {
		CompletableFuture<Void> gate = new CompletableFuture<>();
		AtomicLong delivered = new AtomicLong();
		int port = this.fixture.start((scope, receive, send) -> (scope instanceof HttpScope)
				? receive.receive()
					.thenCompose((first) -> gate.thenApply((v) -> ((HttpRequest) first).body().length))
					.thenCompose((firstLength) -> readAll(receive, delivered, firstLength))
					.thenCompose((total) -> TestApps.sendText(send, 200, Long.toString(total)))
				: CompletableFuture.failedFuture(new IllegalStateException("no lifespan")));
		AtomicLong written = new AtomicLong();
		try (RawHttpClient client = RawHttpClient.connect(port, Duration.ofSeconds(30))) {
			client.socket().setSendBufferSize(16 * 1024);
			Thread uploader = new Thread(() -> upload(client.socket(), written), "uploader");
			uploader.start();
			awaitStable(written::get);
			assertThat(written.get()).as("bytes the client got into the socket while the app read one chunk")
				.isLessThan(BOUND);
			gate.complete(null);
			RawHttpClient.Response response = client.readResponse();
			assertThat(response.bodyText()).isEqualTo(Long.toString(BODY));
			uploader.join(30_000);
		}
	}

	private static CompletionStage<Void> sendChunks(Send send, AtomicLong accepted, long remaining) {
		// loop while sends complete at once; recurse only when one has to wait, so the stack stays flat
		long left = remaining;
		while (left > 0) {
			int size = (int) Math.min(CHUNK, left);
			boolean last = left == size;
			CompletableFuture<Void> sent = send.send(new HttpResponseBody(new byte[size], !last)).toCompletableFuture();
			left -= size;
			long after = left;
			if (!sent.isDone()) {
				return sent.thenCompose((v) -> {
					accepted.addAndGet(size);
					return sendChunks(send, accepted, after);
				});
			}
			accepted.addAndGet(size);
		}
		return CompletableFuture.completedFuture(null);
	}

	private static CompletionStage<Long> readAll(Receive receive, AtomicLong delivered, long soFar) {
		return receive.receive().thenCompose((message) -> {
			HttpRequest chunk = (HttpRequest) message;
			long total = soFar + chunk.body().length;
			delivered.set(total);
			return chunk.moreBody() ? readAll(receive, delivered, total) : CompletableFuture.completedFuture(total);
		});
	}

	private static void upload(Socket socket, AtomicLong written) {
		try {
			OutputStream out = socket.getOutputStream();
			out.write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + BODY + "\r\n\r\n").getBytes());
			byte[] chunk = new byte[CHUNK];
			for (long sent = 0; sent < BODY; sent += CHUNK) {
				out.write(chunk);
				written.addAndGet(CHUNK);
			}
			out.flush();
		}
		catch (Exception ex) {
			// the test fails on the response instead
		}
	}

	private static long drain(InputStream in) throws Exception {
		byte[] buffer = new byte[256 * 1024];
		long total = 0;
		// the head is more than 64 bytes (status line, date, server, content-length): stop past the body
		for (int n; total <= BODY + 64 && (n = in.read(buffer)) != -1;) {
			total += n;
		}
		return total;
	}

	/** Waits (with a deadline) until the value stops growing over a quarter of a second. */
	private static void awaitStable(LongSupplier value) {
		long[] last = { -1 };
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
			long now = value.getAsLong();
			boolean stable = now > 0 && now == last[0];
			last[0] = now;
			return stable;
		});
	}
}
