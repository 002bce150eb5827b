package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.HttpScope;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpResponseTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	private int start(AsgiApplication app) {
		return this.fixture.start(app);
	}

	@Test
	void answersAPlainGetWithDefaultHeadersFirst() throws Exception {
		int port = start(TestApps.text("Hello, world!"));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("Hello, world!");
		assertThat(response.headers().firstValue("server")).hasValue("uvi");
		assertThat(response.headers().firstValue("date")).isPresent();
		assertThat(response.headers().firstValue("content-length")).hasValue("13");
	}

	@Test
	void defaultHeadersComeBeforeTheApplicationsInUvicornsOrder() throws Exception {
		int port = start(TestApps.text("x"));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			RawHttpClient.Response response = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			assertThat(response.headerNames()).startsWith("date", "server", "content-type", "content-length");
		}
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_head_request
	void headRequestOmitsBodyButKeepsContentLength() throws Exception {
		int port = start(TestApps.text("Hello, world!"));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			RawHttpClient.Response head = client.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n").readHeadResponse();
			assertThat(head.status()).isEqualTo(200);
			assertThat(head.header("content-length")).isEqualTo("13");
			// the next response starts right away: no body bytes were written for HEAD
			RawHttpClient.Response get = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			assertThat(get.bodyText()).isEqualTo("Hello, world!");
		}
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_pipelined_requests
	void pipelinedRequestsAreAnsweredInOrder() throws Exception {
		int port = start((scope, receive, send) -> TestApps.sendText(send, 200, ((HttpScope) scope).path()));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\nGET /two HTTP/1.1\r\nHost: x\r\n\r\n"
					+ "GET /three HTTP/1.1\r\nHost: x\r\n\r\n");
			assertThat(client.readResponse().bodyText()).isEqualTo("/one");
			assertThat(client.readResponse().bodyText()).isEqualTo("/two");
			assertThat(client.readResponse().bodyText()).isEqualTo("/three");
		}
	}

	@Test
	void streamedResponseWithoutContentLengthIsChunked() throws Exception {
		int port = start((scope, receive, send) -> send
			.send(HttpResponseStart.of(200, Headers.of("content-type", "text/plain")))
			.thenCompose((v) -> send.send(HttpResponseBody.chunk("ab".getBytes(StandardCharsets.UTF_8))))
			.thenCompose((v) -> send.send(HttpResponseBody.chunk("cd".getBytes(StandardCharsets.UTF_8))))
			.thenCompose((v) -> send.send(HttpResponseBody.end())));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			RawHttpClient.Response response = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			assertThat(response.header("transfer-encoding")).isEqualTo("chunked");
			assertThat(response.bodyText()).isEqualTo("abcd");
			assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().bodyText()).isEqualTo("abcd");
		}
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_app_exception
	void exceptionBeforeStartGivesUvicornsExact500AndCloses() throws Exception {
		int port = start((scope, receive, send) -> CompletableFuture.failedFuture(new IllegalStateException("boom")));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			String all = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readUntilClosed();
			assertThat(all).startsWith("HTTP/1.1 500 Internal Server Error\r\n")
				.contains("\r\ncontent-type: text/plain; charset=utf-8\r\n", "\r\ncontent-length: 21\r\n",
						"\r\nconnection: close\r\n")
				.endsWith("\r\n\r\nInternal Server Error");
		}
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_no_response_returned
	void returningWithoutAResponseGivesThe500() throws Exception {
		int port = start((scope, receive, send) -> CompletableFuture.completedFuture(null));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readUntilClosed())
				.startsWith("HTTP/1.1 500 Internal Server Error\r\n");
		}
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_exception_during_response
	void exceptionAfterStartClosesTheConnectionWithoutA500() throws Exception {
		int port = start((scope, receive, send) -> send
			.send(HttpResponseStart.of(200, Headers.of("content-length", "10")))
			.thenCompose((v) -> send.send(HttpResponseBody.chunk("12345".getBytes(StandardCharsets.UTF_8))))
			.thenCompose((v) -> CompletableFuture.failedFuture(new IllegalStateException("late boom"))));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			String all = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readUntilClosed();
			assertThat(all).startsWith("HTTP/1.1 200 OK\r\n").doesNotContain("500").endsWith("12345");
		}
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_response_header_splitting
	void headerValuesWithLineBreaksAreNeverWritten() throws Exception {
		int port = start((scope, receive, send) -> send
			.send(HttpResponseStart.of(200, Headers.of("x-a", "value\r\nCookie: smuggled=value")))
			.thenCompose((v) -> send.send(HttpResponseBody.end())));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			String all = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readUntilClosed();
			assertThat(all).doesNotContain("smuggled").doesNotContain("500");
		}
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_oversized_request
	void bodyLongerThanContentLengthClosesTheConnection() throws Exception {
		int port = start((scope, receive, send) -> send
			.send(HttpResponseStart.of(200, Headers.of("content-length", "10")))
			.thenCompose((v) -> send.send(HttpResponseBody.last(new byte[60]))));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			String all = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readUntilClosed();
			assertThat(all).doesNotContain("HTTP/1.1 200");
		}
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_undersized_request
	void bodyShorterThanContentLengthClosesTheConnection() throws Exception {
		int port = start((scope, receive, send) -> send
			.send(HttpResponseStart.of(200, Headers.of("content-length", "10")))
			.thenCompose((v) -> send.send(HttpResponseBody.last("xxx".getBytes(StandardCharsets.UTF_8)))));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			String all = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readUntilClosed();
			assertThat(all).doesNotContain("xxx");
		}
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_missing_start_message
	void bodyBeforeStartIsRefusedWithUvicornsWordingAndA500() throws Exception {
		CompletableFuture<Throwable> refused = new CompletableFuture<>();
		int port = start((scope, receive, send) -> (scope instanceof HttpScope)
				? send.send(HttpResponseBody.end()).whenComplete((v, error) -> refused.complete(error))
				: CompletableFuture.failedFuture(new IllegalStateException("no lifespan")));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readUntilClosed())
				.startsWith("HTTP/1.1 500 Internal Server Error");
		}
		assertThat(refused.get()).isInstanceOf(IllegalStateException.class)
			.hasMessage("Expected ASGI message 'http.response.start', but got 'http.response.body'.");
	}
}
