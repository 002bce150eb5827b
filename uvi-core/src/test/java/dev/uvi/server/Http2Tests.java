package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.HttpScope;
import dev.uvi.http.RequestBodies;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.HttpProtocol;

/**
 * Cleartext HTTP/2 (h2c) by prior knowledge and by upgrade; every route works unchanged over it, and
 * {@code max-request-body-size} holds for its streams.
 */
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
			case "/ends" -> TestApps.sendText(send, 200, http.client().host() + " " + http.server());
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
	void everyStreamOfAConnectionHasItsEnds() {
		int port = start();
		reactor.netty.http.client.HttpClient client = priorKnowledge(port);
		String expected = "200 127.0.0.1 127.0.0.1:" + port;
		assertThat(get(client, "/ends")).isEqualTo(expected);
		assertThat(get(client, "/ends")).as("a later stream, ends shared with the first").isEqualTo(expected);
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

	/** Reads the body (up to 1 MiB) and answers its length; tells {@code outcome} how the read ended. */
	private static AsgiApplication bodyCounter(CompletableFuture<String> outcome) {
		return (scope, receive, send) -> (scope instanceof HttpScope)
				? RequestBodies.readAll(receive, 1 << 20).whenComplete((body, error) -> outcome
					.complete((error != null) ? "failed: " + error.getClass().getSimpleName() : "read " + body.length))
					.thenCompose((body) -> TestApps.sendText(send, 200, "got " + body.length))
				: CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
	}

	private static String post(reactor.netty.http.client.HttpClient client, Publisher<ByteBuf> body) {
		return client.post().uri("/").send(body).responseSingle((response, content) -> content.asString()
			.defaultIfEmpty("")
			.map((text) -> response.status().code() + " " + text)).block(Duration.ofSeconds(10));
	}

	private static Flux<ByteBuf> chunks(int count, int size) {
		return Flux.range(0, count).map((i) -> Unpooled.wrappedBuffer(new byte[size]));
	}

	@Test
	void declaredBodyOverTheLimitGets413AndTheApplicationNeverRuns() {
		CompletableFuture<String> outcome = new CompletableFuture<>();
		int port = this.fixture.start(bodyCounter(outcome),
				(b) -> b.http2(Http2Config.defaults().withH2c(true)).maxRequestBodySize(1000));
		reactor.netty.http.client.HttpClient client = priorKnowledge(port);
		String answer = client.headers((h) -> h.set("content-length", "2000")).post().uri("/")
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(new byte[2000])))
			.responseSingle((response, content) -> content.asString().defaultIfEmpty("")
				.map((text) -> response.status().code() + " " + text))
			.block(Duration.ofSeconds(10));
		assertThat(answer).isEqualTo("413 Content Too Large");
		assertThat(outcome).isNotDone();
		assertThat(post(client, chunks(1, 1000))).as("the connection serves on").isEqualTo("200 got 1000");
	}

	@Test
	void streamedBodyGrowingPastTheLimitGets413AndTheApplicationSeesTheDisconnect() throws Exception {
		CompletableFuture<String> outcome = new CompletableFuture<>();
		int port = this.fixture.start(bodyCounter(outcome),
				(b) -> b.http2(Http2Config.defaults().withH2c(true)).maxRequestBodySize(10_000));
		reactor.netty.http.client.HttpClient client = priorKnowledge(port);
		String answer = post(client, chunks(8, 4096)); // no content-length: 32 KiB in DATA frames
		assertThat(answer).isEqualTo("413 Content Too Large");
		assertThat(outcome.get(5, TimeUnit.SECONDS)).startsWith("failed: ");
		assertThat(post(client, chunks(2, 4096))).isEqualTo("200 got 8192");
	}

	@Test
	void bodyGrowingPastTheLimitAfterTheResponseStartedResetsTheStream() throws Exception {
		CompletableFuture<String> outcome = new CompletableFuture<>();
		AsgiApplication startsFirst = (scope, receive, send) -> (scope instanceof HttpScope)
				? send.send(HttpResponseStart.of(200, Headers.of("content-type", "text/plain")))
					.thenCompose((v) -> send.send(HttpResponseBody.chunk(bytes("started "))))
					.thenCompose((v) -> RequestBodies.readAll(receive, 1 << 20))
					.whenComplete((body, error) -> outcome.complete((error != null) ? "failed" : "read " + body.length))
					.thenCompose((body) -> send.send(HttpResponseBody.last(bytes("read " + body.length))))
				: CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
		int port = this.fixture.start(startsFirst,
				(b) -> b.http2(Http2Config.defaults().withH2c(true)).maxRequestBodySize(10_000));
		reactor.netty.http.client.HttpClient client = priorKnowledge(port);
		String answer = client.post().uri("/").send(chunks(8, 4096))
			.responseSingle((response, content) -> content.asString().map((text) -> "complete " + text))
			.onErrorResume((error) -> Mono.just("reset"))
			.block(Duration.ofSeconds(10));
		assertThat(answer).isEqualTo("reset");
		assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("failed");
		assertThat(get(client, "/")).as("the connection serves on").isEqualTo("200 started read 0");
	}

	@Test
	void streamsOverTheConcurrencyLimitGet503AndEndedOnesFreeTheirPlace() throws Exception {
		CompletableFuture<Void> release = new CompletableFuture<>();
		CompletableFuture<Void> firstRunning = new CompletableFuture<>();
		AsgiApplication app = (scope, receive, send) -> {
			if (!(scope instanceof HttpScope http)) {
				return CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
			}
			if (http.path().equals("/wait")) {
				firstRunning.complete(null);
				return release.thenCompose((v) -> TestApps.sendText(send, 200, "waited"));
			}
			return TestApps.sendText(send, 200, "quick");
		};
		int port = this.fixture.start(app, (b) -> b.http2(Http2Config.defaults().withH2c(true)).limitConcurrency(1));
		reactor.netty.http.client.HttpClient client = priorKnowledge(port);
		CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> get(client, "/wait"));
		firstRunning.get(5, TimeUnit.SECONDS);
		assertThat(get(client, "/")).isEqualTo("503 Service Unavailable");
		release.complete(null);
		assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("200 waited");
		// the place is freed as the response ends, which the client may see a moment before the server counts it
		await().atMost(Duration.ofSeconds(5)).until(() -> get(client, "/").equals("200 quick"));
	}

	@Test
	void upgradedConnectionUnderALimitOfOneServesRequestAfterRequest() throws Exception {
		int port = this.fixture.start(APP, (b) -> b.http2(Http2Config.defaults().withH2c(true)).limitConcurrency(1));
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode() + " " + response.body()).as("request %d", i).isEqualTo("200 version 2");
		}
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
