package dev.uvi.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.uvi.asgi.AsgiApplication;
import dev.uvi.http.RequestBodies;
import dev.uvi.http.Responses;
import dev.uvi.testing.LogCapture;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.ServerFixture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class MessageLoggerMiddlewareTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@RegisterExtension
	final LogCapture asgi = new LogCapture("uvi.asgi");

	private final Logger logger = (Logger) LoggerFactory.getLogger("uvi.asgi");

	private final AsgiApplication echo = (scope, receive, send) -> RequestBodies.readAll(receive, 1024)
		.thenCompose((body) -> Responses.bytes(send, 200, Responses.TEXT_PLAIN, body));

	@AfterEach
	void restoreLevel() {
		this.logger.setLevel(null);
	}

	@Test
	// uvicorn tests/middleware/test_message_logger.py::test_message_logger
	void atTraceEveryMessageInAndOutIsLoggedWithoutBodiesOrHeaders() throws Exception {
		this.logger.setLevel(Level.TRACE);
		int port = this.fixture.start(this.echo);
		int clientPort;
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			clientPort = client.socket().getLocalPort();
			client.send("POST /e?q=1 HTTP/1.1\r\nHost: x\r\nCookie: secret=1\r\nContent-Length: 6\r\n\r\nsecret")
				.readResponse();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.asgi.messages().stream().anyMatch((m) -> m.endsWith("Completed")));
		String prefix = "127.0.0.1:" + clientPort + " - ASGI [";
		assertThat(this.asgi.messages()).filteredOn((line) -> line.startsWith(prefix)).satisfiesExactly(
				(line) -> assertThat(line).matches("127\\.0\\.0\\.1:\\d+ - ASGI \\[\\d+\\] Started scope=\\{type=http, "
						+ "http_version=1\\.1, method=POST, scheme=http, path=/e, query_string=q=1, root_path=, "
						+ "headers=<\\.\\.\\.>, client=127\\.0\\.0\\.1:\\d+, server=127\\.0\\.0\\.1:\\d+\\}"),
				(line) -> assertThat(line).endsWith("] Receive HttpRequest[body=<6 bytes>, moreBody=false]"),
				(line) -> assertThat(line).endsWith("] Send HttpResponseStart[status=200, headers=<...>, trailers=false]"),
				(line) -> assertThat(line).endsWith("] Send HttpResponseBody[body=<6 bytes>, moreBody=false]"),
				(line) -> assertThat(line).endsWith("] Completed"));
		assertThat(String.join("\n", this.asgi.messages())).doesNotContain("secret");
	}

	@Test
	void lifespanAndFailuresAreLoggedToo() throws Exception {
		this.logger.setLevel(Level.TRACE);
		int port = this.fixture.start((scope, receive, send) -> CompletableFuture.failedFuture(new IllegalStateException()));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readUntilClosed();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.asgi.messages().stream()
			.filter((m) -> m.endsWith("Raised exception")).count() == 2);
		assertThat(this.asgi.messages()).anyMatch((line) -> line.matches("ASGI \\[\\d+\\] Started scope=\\{type=lifespan\\}"));
	}

	@Test
	void belowTraceTheServerDoesNotApplyIt() throws Exception {
		this.logger.setLevel(Level.DEBUG);
		int port = this.fixture.start(this.echo);
		this.logger.setLevel(Level.TRACE); // too late: the server decided at creation
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
		}
		assertThat(this.asgi.messages()).isEmpty();
	}
}
