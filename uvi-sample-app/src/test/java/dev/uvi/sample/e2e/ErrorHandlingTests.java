package dev.uvi.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.testing.RawHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * {@code /boom} and {@code /boom-after-start}: what a client sees when the application fails, and
 * that the server serves on.
 */
@SampleAppTest
class ErrorHandlingTests {

	@Value("${local.uvi.port}")
	int port;

	@Test
	void failureBeforeTheResponseGivesUvicornsExact500AndClosesTheConnection() throws Exception {
		// uvicorn tests/protocols/test_http.py::test_app_exception
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			String all = client.send("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n").readUntilClosed();

			assertThat(all).startsWith("HTTP/1.1 500 Internal Server Error\r\n")
				.contains("\r\ncontent-type: text/plain; charset=utf-8\r\n", "\r\ncontent-length: 21\r\n",
						"\r\nconnection: close\r\n")
				.endsWith("\r\n\r\nInternal Server Error");
		}
		assertThat(Clients.get(this.port, "/").body()).isEqualTo("Hello, world!");
	}

	@Test
	void failureBeforeTheResponseClosesAfterTheRequestsAheadOfIt() throws Exception {
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /boom HTTP/1.1\r\nHost: x\r\n\r\n");

			assertThat(client.readResponse().bodyText()).isEqualTo("Hello, world!");
			RawHttpClient.Response error = client.readResponse();
			assertThat(error.statusLine()).isEqualTo("HTTP/1.1 500 Internal Server Error");
			assertThat(error.bodyText()).isEqualTo("Internal Server Error");
			assertThat(client.isClosedByServer()).isTrue();
		}
	}

	@Test
	void failureAfterTheStartTruncatesTheResponseAndClosesTheConnection() throws Exception {
		// uvicorn tests/protocols/test_http.py::test_exception_during_response
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			String all = client.send("GET /boom-after-start HTTP/1.1\r\nHost: x\r\n\r\n").readUntilClosed();

			assertThat(all).startsWith("HTTP/1.1 200 OK\r\n")
				.contains("\r\ntransfer-encoding: chunked\r\n")
				.contains("partial")
				.doesNotContain("500")
				.doesNotEndWith("0\r\n\r\n"); // no last chunk: the client can tell the body is cut short
		}
		assertThat(Clients.get(this.port, "/").body()).isEqualTo("Hello, world!");
	}
}
