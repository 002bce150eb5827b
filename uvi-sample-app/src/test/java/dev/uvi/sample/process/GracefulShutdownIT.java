package dev.uvi.sample.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.testing.RawHttpClient;
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
			try (PipelinedReadiness keptAlive = PipelinedReadiness.start(port)) {
				assertThat(keptAlive.answers()).first().isEqualTo("200 {\"status\":\"ready\"}");

				sample.terminate();
				long terminated = System.nanoTime();

				assertThat(keptAlive.awaitClosed(Duration.ofSeconds(10))).contains("503 {\"status\":\"not ready\"}");
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
	void timeoutGracefulShutdownCutsTheDrainShortWithTheFixed500AndExitsWithZero() throws Exception {
		try (SampleProcess sample = SampleProcess.start(SLOW_DEBUG, "--uvi.timeout-graceful-shutdown=1s")) {
			int port = sample.awaitPort();
			try (RawHttpClient client = RawHttpClient.connect(port, Duration.ofSeconds(15))) {
				client.send("GET /slow?ms=10000 HTTP/1.1\r\nHost: x\r\n\r\n");
				sample.awaitLines((line) -> line.contains("Sleeping 10000 ms"), 1, Duration.ofSeconds(10));

				sample.terminate();
				long terminated = System.nanoTime();
				// its response had not started: the fixed 500 (before main's fix the connection was closed first)
				RawHttpClient.Response response = client.readResponse();
				int exitCode = sample.awaitExit(Duration.ofSeconds(10));

				assertThat(Duration.ofNanos(System.nanoTime() - terminated)).isLessThan(Duration.ofSeconds(5));
				assertThat(exitCode).isZero();
				assertThat(response.status()).isEqualTo(500);
				assertThat(response.bodyText()).isEqualTo("Internal Server Error");
				assertThat(response.header("connection")).isEqualTo("close");
				assertThat(sample.output()).anyMatch((line) -> line.contains("timeout graceful shutdown exceeded"))
					.anyMatch((line) -> line.contains("Application shutdown complete."));
			}
		}
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
