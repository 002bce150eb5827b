package dev.uvi.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

/** The contract's routes unchanged over cleartext HTTP/2 (prior knowledge), with {@code uvi.h2c=true}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = { "uvi.port=0", "uvi.h2c=true" })
class Http2RoutesTests {

	@Value("${local.uvi.port}")
	int port;

	private HttpClient client() {
		return HttpClient.create().protocol(HttpProtocol.H2C).host("127.0.0.1").port(this.port);
	}

	private String get(String path) {
		return client().get().uri(path).responseSingle((response, body) -> body.asString().defaultIfEmpty("")
			.map((text) -> response.status().code() + " " + text)).block(Duration.ofSeconds(10));
	}

	@Test
	void plainRoutesAnswerOverH2c() {
		assertThat(get("/")).isEqualTo("200 Hello, world!");
		assertThat(get("/v1/items")).isEqualTo("200 [{\"version\":\"v1\"}]");
		assertThat(get("/scope")).contains("\"http_version\":\"2\"");
		assertThat(get("/nowhere")).isEqualTo("404 Not Found");
		assertThat(get("/boom")).isEqualTo("500 Internal Server Error");
	}

	@Test
	void streamingRoutesAnswerOverH2c() {
		assertThat(get("/download?size=100000")).hasSize(4 + 100000);
		assertThat(get("/stream?chunks=5&size=3")).startsWith("200 ").hasSize(4 + 5 * 3);
		String echoed = client().post().uri("/echo").send(ByteBufFlux.fromString(Mono.just("echo over h2")))
			.responseSingle((response, body) -> body.asString()).block(Duration.ofSeconds(10));
		assertThat(echoed).isEqualTo("echo over h2");
	}

	@Test
	void trailersArriveAsTrailingHeadersOverH2c() {
		String checksum = client().get().uri("/trailers")
			.response((response, body) -> body.then(response.trailerHeaders()))
			.map((trailers) -> String.valueOf(trailers.get("x-checksum")))
			.blockFirst(Duration.ofSeconds(10));
		assertThat(checksum).hasSize(64);
	}
}
