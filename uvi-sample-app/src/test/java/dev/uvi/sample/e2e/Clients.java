package dev.uvi.sample.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The well-behaved clients of the end-to-end tests; the raw-socket one is {@code RawHttpClient}. */
final class Clients {

	private static final HttpClient jdk = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private Clients() {
	}

	static URI uri(int port, String target) {
		return URI.create("http://127.0.0.1:" + port + target);
	}

	/** @return the response of a JDK-client GET, body as text */
	static HttpResponse<String> get(int port, String target) throws Exception {
		return jdk.send(HttpRequest.newBuilder(uri(port, target)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** @return the response of a JDK-client request */
	static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws Exception {
		return jdk.send(request, handler);
	}

	static JsonNode json(String text) {
		return json.readTree(text);
	}
}
