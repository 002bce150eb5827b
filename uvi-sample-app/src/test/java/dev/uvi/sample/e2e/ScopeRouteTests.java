package dev.uvi.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.testing.RawHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** {@code GET /scope}: what the server puts in the scope of a real request. */
@SampleAppTest
class ScopeRouteTests {

	@Value("${local.uvi.port}")
	int port;

	@Test
	void scopeDescribesTheRequestAsTheServerSawIt() throws Exception {
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			RawHttpClient.Response response = client
				.send("GET /scope?a=1&b=%20x HTTP/1.1\r\nHost: example.test\r\nX-Custom: Yes\r\n\r\n")
				.readResponse();
			JsonNode scope = Clients.json(response.bodyText());

			assertThat(scope.get("type").asString()).isEqualTo("http");
			assertThat(scope.get("http_version").asString()).isEqualTo("1.1");
			assertThat(scope.get("method").asString()).isEqualTo("GET");
			assertThat(scope.get("scheme").asString()).isEqualTo("http");
			assertThat(scope.get("path").asString()).isEqualTo("/scope");
			assertThat(scope.get("raw_path").asString()).isEqualTo("/scope");
			assertThat(scope.get("root_path").asString()).isEmpty();
			assertThat(scope.get("query_string").asString()).isEqualTo("a=1&b=%20x");
			assertThat(scope.get("headers").toString())
				.isEqualTo("[[\"host\",\"example.test\"],[\"x-custom\",\"Yes\"]]");
			assertThat(scope.get("client").get(0).asString()).isEqualTo("127.0.0.1");
			assertThat(scope.get("client").get(1).asInt()).isEqualTo(client.socket().getLocalPort());
			assertThat(scope.get("server").toString()).isEqualTo("[\"127.0.0.1\"," + this.port + "]");
		}
	}

	@Test
	void pathIsDecodedAndRawPathIsAsSent() throws Exception {
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			RawHttpClient.Response response = client.send("GET /%73cope HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			JsonNode scope = Clients.json(response.bodyText());

			assertThat(scope.get("path").asString()).isEqualTo("/scope");
			assertThat(scope.get("raw_path").asString()).isEqualTo("/%73cope");
		}
	}

	@Test
	void http10RequestsSayVersion10() throws Exception {
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			RawHttpClient.Response response = client.send("GET /scope HTTP/1.0\r\n\r\n").readResponse();

			assertThat(Clients.json(response.bodyText()).get("http_version").asString()).isEqualTo("1.0");
		}
	}
}
