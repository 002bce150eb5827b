package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.HttpScope;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.HttpProtocol;

/** Cleartext HTTP/2 (h2c) by prior knowledge and by upgrade; every route works unchanged over it. */
class Http2Tests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	/** {@code /stream} streams three chunks; {@code /boom} fails before start; {@code /late} after it. */
	private static final AsgiApplication APP = (scope, receive, send) -> {
		if (!(scope instanceof HttpScope http)) {
			return CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
		}
		return switch (http.path()) {
			case "/stream" -> send.send(HttpResponseStart.of(200, Headers.of("content-type", "text/plain")))
				.thenCompose((v) -> send.send(HttpResponseBody.chunk(bytes("a"))))
				.thenCompose((v) -> send.send(HttpResponseBody.chunk(bytes("b"))))
				.thenCompose((v) -> send.send(HttpResponseBody.last(bytes("c"))));
			case "/boom" -> CompletableFuture.failedFuture(new IllegalStateException("boom"));
			case "/late" -> send.send(HttpResponseStart.of(200, Headers.empty()))
				.thenCompose((v) -> send.send(HttpResponseBody.chunk(bytes("part"))))
				.thenCompose((v) -> CompletableFuture.failedFuture(new IllegalStateException("late")));
			default -> TestApps.sendText(send, 200, "version " + http.httpVersion());
		};
	};

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private int start() {
		return this.fixture.start(APP, (b) -> b.http2(Http2Config.defaults().withH2c(true)));
	}

	private static reactor.netty.http.client.HttpClient priorKnowledge(int port) {
		return reactor.netty.http.client.HttpClient.create().protocol(HttpProtocol.H2C).port(port).host("127.0.0.1");
	}

	private static String get(reactor.netty.http.client.HttpClient client, String path) {
		return client.get().uri(path).responseSingle((response, body) -> body.asString()
			.defaultIfEmpty("")
			.map((text) -> response.status().code() + " " + text)).block(Duration.ofSeconds(10));
	}

	@Test
	void priorKnowledgeH2cIsServedAndTheScopeSaysVersion2() {
		int port = start();
		assertThat(get(priorKnowledge(port), "/")).isEqualTo("200 version 2");
		assertThat(get(priorKnowledge(port), "/stream")).isEqualTo("200 abc");
	}

	@Test
	void upgradeToH2cIsServed() throws Exception {
		int port = start();
		HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(response.body()).isEqualTo("version 2");
	}

	@Test
	void errorsEndTheStreamAndTheConnectionLivesOn() {
		int port = start();
		reactor.netty.http.client.HttpClient client = priorKnowledge(port);
		assertThat(get(client, "/boom")).isEqualTo("500 Internal Server Error");
		String late = client.get().uri("/late").responseSingle((response, body) -> body.asString())
			.map((text) -> "complete " + text)
			.onErrorResume((error) -> reactor.core.publisher.Mono.just("reset"))
			.block(Duration.ofSeconds(10));
		assertThat(late).isEqualTo("reset");
		assertThat(get(client, "/")).isEqualTo("200 version 2");
	}

	@Test
	void withoutH2cConfiguredPriorKnowledgeIsRefused() {
		int port = this.fixture.start(APP);
		String result = priorKnowledge(port).get().uri("/").responseSingle((response, body) -> body.asString())
			.onErrorResume((error) -> reactor.core.publisher.Mono.just("refused"))
			.block(Duration.ofSeconds(10));
		assertThat(result).isEqualTo("refused");
	}
}
