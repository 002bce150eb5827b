package dev.uvi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.testing.RecordingSend;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResponsesTests {

	private final RecordingSend send = RecordingSend.create();

	@Test
	void textSendsOneStartWithTypeAndUtf8LengthThenOneLastBody() {
		assertThat(Responses.text(this.send, 200, "héllo")).succeedsWithin(Duration.ofSeconds(5));

		assertThat(this.send.messages()).containsExactly(
				HttpResponseStart.of(200,
						Headers.of("content-type", "text/plain; charset=utf-8", "content-length", "6")),
				HttpResponseBody.last("héllo".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void jsonSendsTheCallersBytesAsApplicationJson() {
		Responses.json(this.send, 201, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

		assertThat(this.send.status()).isEqualTo(201);
		assertThat(this.send.headers().get("content-type")).isEqualTo("application/json");
		assertThat(this.send.headers().get("content-length")).isEqualTo("7");
		assertThat(this.send.bodyText()).isEqualTo("{\"a\":1}");
	}

	@Test
	void bytesSendsAnyContentTypeAndAnEmptyBody() {
		Responses.bytes(this.send, 204, "application/octet-stream", new byte[0]);

		assertThat(this.send.headers().get("content-length")).isEqualTo("0");
		assertThat(this.send.bodyMessages()).containsExactly(HttpResponseBody.end());
	}

	@Test
	void completeReplacesAContentLengthTheHeadersHad() {
		Responses.complete(this.send, 200, Headers.of("content-length", "99", "x-a", "1"), new byte[3]);

		assertThat(this.send.headers()).isEqualTo(Headers.of("x-a", "1", "content-length", "3"));
	}

	@Test
	void theBodyIsSentOnlyOnceTheStartWasTaken() {
		RecordingSend held = RecordingSend.held();

		CompletionStage<Void> sending = Responses.text(held, 200, "x");

		assertThat(held.messages()).hasSize(1);
		held.release();
		assertThat(held.messages()).hasSize(2);
		assertThat(sending).isNotDone();
		held.release();
		assertThat(sending).isDone();
	}

	@Test
	void streamSendsEachChunkThenTheEnd() {
		AtomicInteger left = new AtomicInteger(3);
		Responses.BodySource source = () -> CompletableFuture
			.completedFuture((left.getAndDecrement() > 0) ? "ab".getBytes(StandardCharsets.UTF_8) : null);

		assertThat(Responses.stream(this.send, 200, Headers.of("content-type", "text/plain"), source))
			.succeedsWithin(Duration.ofSeconds(5));

		assertThat(this.send.headers()).isEqualTo(Headers.of("content-type", "text/plain"));
		assertThat(this.send.bodyMessages()).containsExactly(HttpResponseBody.chunk(bytes("ab")),
				HttpResponseBody.chunk(bytes("ab")), HttpResponseBody.chunk(bytes("ab")), HttpResponseBody.end());
	}

	@Test
	void streamAsksForTheNextChunkOnlyAfterTheSendCompleted() {
		RecordingSend held = RecordingSend.held();
		AtomicInteger asked = new AtomicInteger();
		Responses.BodySource source = () -> CompletableFuture
			.completedFuture((asked.incrementAndGet() <= 2) ? bytes("x") : null);

		CompletionStage<Void> streaming = Responses.stream(held, 200, Headers.empty(), source);
		assertThat(asked).hasValue(0);
		held.release(); // start
		assertThat(asked).hasValue(1);
		assertThat(held.pendingCount()).isEqualTo(1);
		held.release(); // first chunk
		assertThat(asked).hasValue(2);
		held.release(); // second chunk
		held.release(); // end

		assertThat(streaming).isDone();
		assertThat(asked).hasValue(3);
	}

	@Test
	void streamOfManyChunksThatCompleteAtOnceDoesNotOverflowTheStack() {
		int chunks = 200_000;
		AtomicInteger left = new AtomicInteger(chunks);
		byte[] chunk = bytes("z");
		Responses.BodySource source = () -> CompletableFuture
			.completedFuture((left.getAndDecrement() > 0) ? chunk : null);
		AtomicInteger sent = new AtomicInteger();

		CompletionStage<Void> streaming = Responses.stream((message) -> {
			sent.incrementAndGet();
			return CompletableFuture.completedFuture(null);
		}, 200, Headers.empty(), source);

		assertThat(streaming).succeedsWithin(Duration.ofSeconds(10));
		assertThat(sent).hasValue(chunks + 2);
	}

	@Test
	void streamFailsWhenTheSourceFails() {
		Responses.BodySource source = () -> CompletableFuture.failedFuture(new IllegalStateException("disk gone"));

		assertThat(Responses.stream(this.send, 200, Headers.empty(), source)).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.withRootCauseInstanceOf(IllegalStateException.class);
		assertThat(this.send.isComplete()).isFalse();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
