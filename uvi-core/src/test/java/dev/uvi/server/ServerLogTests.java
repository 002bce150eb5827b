package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uvi.testing.LogCapture;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServerLogTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@RegisterExtension
	final LogCapture access = new LogCapture("uvi.access");

	@RegisterExtension
	final LogCapture error = new LogCapture("uvi.error");

	@Test
	// uvicorn tests/protocols/test_http.py::test_request_logging
	void eachRequestIsOneAccessLineInUvicornsFormat() throws Exception {
		int port = this.fixture.start(TestApps.text("x"));
		int clientPort;
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			clientPort = client.socket().getLocalPort();
			client.send("GET /?foo=bar&baz=1 HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.access.messages().isEmpty());
		assertThat(this.access.messages())
			.containsExactly("127.0.0.1:" + clientPort + " - \"GET /?foo=bar&baz=1 HTTP/1.1\" 200 OK");
	}

	@Test
	void accessLogCanBeTurnedOff() throws Exception {
		int port = this.fixture.start(TestApps.text("x"), (b) -> b.accessLog(false));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
		}
		assertThat(this.access.messages()).isEmpty();
	}

	@Test
	void serverLifeIsLoggedWithUvicornsWording() {
		int port = this.fixture.start((scope, receive, send) -> CompletableFuture.failedFuture(new RuntimeException()));
		this.fixture.server().shutdown(Duration.ofSeconds(5));
		assertThat(this.error.messages()).contains("Started server process [" + ProcessHandle.current().pid() + "]",
				"Waiting for application startup.", "ASGI 'lifespan' protocol appears unsupported.",
				"Application startup complete.", "Uvi running on http://127.0.0.1:" + port + " (Press CTRL+C to quit)",
				"Shutting down", "Finished server process [" + ProcessHandle.current().pid() + "]");
	}

	@Test
	void applicationErrorsAreLoggedOnUviError() throws Exception {
		int port = this.fixture.start((scope, receive, send) -> CompletableFuture.failedFuture(new RuntimeException("kaput")));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readUntilClosed();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.error.messages().contains("Exception in ASGI application"));
	}
}
