package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.HttpScope;
import dev.uvi.testing.LogCapture;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// uvicorn tests/test_server.py and tests/supervisors/test_signal.py
class GracefulShutdownTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@RegisterExtension
	final LogCapture log = new LogCapture("uvi.error");

	private final CountDownLatch arrived = new CountDownLatch(1);

	private final CompletableFuture<Void> release = new CompletableFuture<>();

	/** {@code /hold} waits for {@link #release} before it answers; anything else answers at once. */
	private final AsgiApplication holding = (scope, receive, send) -> {
		if (!(scope instanceof HttpScope http)) {
			return CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
		}
		if (http.path().equals("/hold")) {
			this.arrived.countDown();
			return this.release.thenCompose((v) -> TestApps.sendText(send, 200, "held"));
		}
		return TestApps.sendText(send, 200, "quick");
	};

	private CompletableFuture<Void> shutdownInBackground(Duration timeout) {
		return CompletableFuture.runAsync(() -> this.fixture.server().shutdown(timeout));
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_shutdown_during_request
	void inFlightRequestFinishesWithConnectionCloseWhileNewConnectionsAreRefused() throws Exception {
		int port = this.fixture.start(this.holding);
		try (RawHttpClient busy = RawHttpClient.connect(port); RawHttpClient idle = RawHttpClient.connect(port)) {
			idle.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			busy.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
			assertThat(this.arrived.await(5, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Void> shutdown = shutdownInBackground(Duration.ofSeconds(10));
			// uvicorn tests/protocols/test_http.py::test_shutdown_during_idle
			assertThat(idle.isClosedByServer()).isTrue();
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThatExceptionOfType(ConnectException.class)
				.isThrownBy(() -> RawHttpClient.connect(port).close()));
			assertThat(shutdown).isNotDone();
			this.release.complete(null);
			RawHttpClient.Response response = busy.readResponse();
			assertThat(response.bodyText()).isEqualTo("held");
			assertThat(response.header("connection")).isEqualTo("close");
			shutdown.get(10, TimeUnit.SECONDS);
		}
		assertThat(this.log.messages()).containsSubsequence("Shutting down", "Finished server process ["
				+ ProcessHandle.current().pid() + "]");
	}

	@Test
	void requestStillWaitingPastTheTimeoutGetsTheFixed500() throws Exception {
		int port = this.fixture.start(this.holding);
		try (RawHttpClient busy = RawHttpClient.connect(port)) {
			busy.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
			assertThat(this.arrived.await(5, TimeUnit.SECONDS)).isTrue();
			long started = System.nanoTime();
			this.fixture.server().shutdown(Duration.ofMillis(300));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			assertThat(busy.readUntilClosed()).startsWith("HTTP/1.1 500 Internal Server Error")
				.endsWith("Internal Server Error");
		}
		assertThat(this.log.messages()).contains("Cancel 1 running task(s), timeout graceful shutdown exceeded");
		assertThat(this.fixture.server().terminated()).isDone();
	}

	@Test
	void serverShutsItselfDownAfterTheMaximumNumberOfResponses() throws Exception {
		int port = this.fixture.start(this.holding, (b) -> b.limitMaxRequests(3));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			for (int i = 0; i < 3; i++) {
				assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().bodyText()).isEqualTo("quick");
			}
		}
		this.fixture.server().terminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
		assertThat(this.log.messages()).contains("Maximum request limit of 3 exceeded. Terminating process.");
	}
}
