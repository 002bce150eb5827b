package dev.uvi.sample.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.testing.RawHttpClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM on the packaged sample: uvicorn's graceful shutdown (stop accepting, finish what is in flight,
 * lifespan shutdown) and exit code 0, and {@code uvi.timeout-graceful-shutdown} cutting the drain short.
 */
class GracefulShutdownIT {

	/** The sample logs each {@code /slow} wait at debug: the sign that a request has reached the application. */
	private static final String SLOW_DEBUG = "--logging.level.dev.uvi.sample.http.SlowEndpoint=debug";

	private static final String READY = "GET /health/ready HTTP/1.1\r\nHost: x\r\n\r\n";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void sigtermFinishesTheRequestsInFlightRefusesNewConnectionsAndExitsWithZero() throws Exception {
		try (SampleProcess sample = SampleProcess.start(SLOW_DEBUG)) {
			int port = sample.awaitPort();
			List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				slow.add(this.http.sendAsync(get(port, "/slow?ms=2000"), HttpResponse.BodyHandlers.ofString()));
			}
			sample.awaitLines((line) -> line.contains("Sleeping 2000 ms"), 20, Duration.ofSeconds(10));
			try (RawHttpClient keptAlive = RawHttpClient.connect(port, Duration.ofSeconds(5))) {
				assertThat(keptAlive.send(READY).readResponse().status()).isEqualTo(200);

				sample.terminate();
				long terminated = System.nanoTime();

				assertThat(readinessUntilClosed(keptAlive)).contains("503 {\"status\":\"not ready\"}");
				assertThat(connectionRefusedAfter(port, terminated)).isLessThan(Duration.ofSeconds(1));
			}
			for (CompletableFuture<HttpResponse<String>> response : slow) {
				HttpResponse<String> done = response.get(10, TimeUnit.SECONDS);
				assertThat(done.statusCode()).isEqualTo(200);
				assertThat(done.body()).isEqualTo("slept 2000");
			}
			assertThat(sample.awaitExit(Duration.ofSeconds(10))).isZero();
			assertThat(sample.output()).anyMatch((line) -> line.contains("Application shutdown complete."))
				.anyMatch((line) -> line.contains("closed pretend resource"));
		}
	}

	@Test
	void timeoutGracefulShutdownCutsTheDrainShortAndStillExitsWithZero() throws Exception {
		try (SampleProcess sample = SampleProcess.start(SLOW_DEBUG, "--uvi.timeout-graceful-shutdown=1s")) {
			int port = sample.awaitPort();
			try (RawHttpClient client = RawHttpClient.connect(port, Duration.ofSeconds(15))) {
				client.send("GET /slow?ms=10000 HTTP/1.1\r\nHost: x\r\n\r\n");
				sample.awaitLines((line) -> line.contains("Sleeping 10000 ms"), 1, Duration.ofSeconds(10));

				sample.terminate();
				long terminated = System.nanoTime();
				int exitCode = sample.awaitExit(Duration.ofSeconds(10));

				assertThat(Duration.ofNanos(System.nanoTime() - terminated)).isLessThan(Duration.ofSeconds(5));
				assertThat(exitCode).isZero();
				assertThat(sample.output()).anyMatch((line) -> line.contains("timeout graceful shutdown exceeded"))
					.anyMatch((line) -> line.contains("Application shutdown complete."));
			}
		}
	}

	@Test
	void aRequestCutByTimeoutGracefulShutdownBeforeItsResponseStartedGetsTheFixed500() throws Exception {
		// Fails (core bug): when disposeNow(timeout) times out, reactor-netty's cancelled wait disposes every
		// in-flight connection (ops.dispose() in a doFinally) before HttpBridge.cancelInFlight can write the 500;
		// the log then says "Cancel 0 running task(s)" and the client sees the connection closed, no response
		try (SampleProcess sample = SampleProcess.start(SLOW_DEBUG, "--uvi.timeout-graceful-shutdown=1s")) {
			int port = sample.awaitPort();
			try (RawHttpClient client = RawHttpClient.connect(port, Duration.ofSeconds(15))) {
				client.send("GET /slow?ms=10000 HTTP/1.1\r\nHost: x\r\n\r\n");
				sample.awaitLines((line) -> line.contains("Sleeping 10000 ms"), 1, Duration.ofSeconds(10));

				sample.terminate();
				RawHttpClient.Response response = client.readResponse();

				assertThat(response.status()).isEqualTo(500);
				assertThat(response.bodyText()).isEqualTo("Internal Server Error");
				assertThat(response.header("connection")).isEqualTo("close");
				assertThat(sample.awaitExit(Duration.ofSeconds(10))).isZero();
			}
		}
	}

	/**
	 * Asks {@code /health/ready} again and again on the kept-alive connection until the server closes it.
	 * Readiness turns to refusing when the context starts closing, a moment before the drain closes idle
	 * connections; a request in flight then is answered (with {@code connection: close}), and the
	 * connection is busy nearly all the time, so the refusing answers are seen.
	 * @return each answer as {@code "<status> <body>"}
	 */
	private static List<String> readinessUntilClosed(RawHttpClient keptAlive) {
		List<String> answers = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		try {
			while (System.nanoTime() < deadline) {
				RawHttpClient.Response response = keptAlive.send(READY).readResponse();
				answers.add(response.status() + " " + response.bodyText());
				if ("close".equals(response.header("connection"))) {
					break;
				}
			}
		}
		catch (IOException ex) {
			// closed by the server between two requests: the drain closes idle connections
		}
		return answers;
	}

	/** @return how long after {@code since} a new connection was first refused; polls for at most 2 s */
	private static Duration connectionRefusedAfter(int port, long since) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			}
			catch (ConnectException ex) {
				return Duration.ofNanos(System.nanoTime() - since);
			}
			TimeUnit.MILLISECONDS.sleep(10); // poll interval
		}
		throw new AssertionError("new connections still accepted 2 s after SIGTERM");
	}

	private static HttpRequest get(int port, String target) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
			.timeout(Duration.ofSeconds(20))
			.build();
	}
}
