package dev.uvi.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.testing.RawHttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import reactor.netty.http.client.HttpClient;

/** {@code GET /}, {@code HEAD /}, 404 and 405 over real sockets, with pipelining. */
@SampleAppTest
class PlainTextRoutesTests {

	@Value("${local.uvi.port}")
	int port;

	@Test
	void rootAnswersHelloWorld() throws Exception {
		HttpResponse<String> response = Clients.get(this.port, "/");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
		assertThat(response.headers().firstValue("content-length")).hasValue("13");
		assertThat(response.body()).isEqualTo("Hello, world!");
	}

	@Test
	void rootAnswersAReactorNettyClientToo() {
		String body = HttpClient.create()
			.get()
			.uri("http://127.0.0.1:" + this.port + "/")
			.responseSingle((response, content) -> content.asString()
				.map((text) -> response.status().code() + " " + text))
			.block(Duration.ofSeconds(10));

		assertThat(body).isEqualTo("200 Hello, world!");
	}

	@Test
	void headOnRootHasGetsHeadersAndNoBody() throws Exception {
		// uvicorn tests/protocols/test_http.py::test_head_request
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			RawHttpClient.Response head = client.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n").readHeadResponse();

			assertThat(head.statusLine()).isEqualTo("HTTP/1.1 200 OK");
			assertThat(head.header("content-type")).isEqualTo("text/plain; charset=utf-8");
			assertThat(head.header("content-length")).isEqualTo("13");
			// no body bytes came: the next response on the connection starts right away
			RawHttpClient.Response next = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			assertThat(next.statusLine()).isEqualTo("HTTP/1.1 200 OK");
			assertThat(next.bodyText()).isEqualTo("Hello, world!");
		}
	}

	@Test
	void pipelinedRequestsAreAnsweredInOrder() throws Exception {
		// uvicorn tests/protocols/test_http.py::test_pipelined_requests
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"
					+ "GET /v1/items HTTP/1.1\r\nHost: x\r\n\r\n"
					+ "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n");

			assertThat(client.readResponse().bodyText()).isEqualTo("Hello, world!");
			assertThat(client.readResponse().bodyText()).isEqualTo("[{\"version\":\"v1\"}]");
			RawHttpClient.Response third = client.readResponse();
			assertThat(third.status()).isEqualTo(404);
			assertThat(third.bodyText()).isEqualTo("Not Found");
		}
	}

	@Test
	void unknownPathIsNotFound() throws Exception {
		HttpResponse<String> response = Clients.get(this.port, "/does/not/exist");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
		assertThat(response.body()).isEqualTo("Not Found");
	}

	@Test
	void knownPathWithAnotherMethodIsNotAllowed() throws Exception {
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			RawHttpClient.Response response = client
				.send("DELETE / HTTP/1.1\r\nHost: x\r\n\r\n")
				.readResponse();

			assertThat(response.status()).isEqualTo(405);
			assertThat(response.header("allow")).isEqualTo("GET, HEAD");
			assertThat(response.bodyText()).isEqualTo("Method Not Allowed");
			// a 405 keeps the connection usable
			assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(200);
		}
	}

	@Test
	void webSocketPathsAreNotHttpRoutes() throws Exception {
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			RawHttpClient.Response response = client.send("GET /ws/echo HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();

			assertThat(response.status()).isEqualTo(404);
		}
	}
}
