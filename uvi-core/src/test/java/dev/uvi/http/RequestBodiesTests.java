package dev.uvi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.uvi.asgi.HttpDisconnect;
import dev.uvi.asgi.HttpRequest;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.WebSocketConnect;
import dev.uvi.testing.ScriptedReceive;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class RequestBodiesTests {

	@Test
	void readAllJoinsEveryChunk() {
		Receive receive = ScriptedReceive.body(bytes("hel"), bytes(""), bytes("lo"));

		assertThat(RequestBodies.readAll(receive, 100)).succeedsWithin(Duration.ofSeconds(5))
			.isEqualTo(bytes("hello"));
	}

	@Test
	void readAllOfAnEmptyBodyIsEmpty() {
		assertThat(RequestBodies.readAll(ScriptedReceive.body(), 0)).succeedsWithin(Duration.ofSeconds(5))
			.isEqualTo(new byte[0]);
	}

	@Test
	void readAllAcceptsABodyOfExactlyTheCap() {
		assertThat(RequestBodies.readAll(ScriptedReceive.body(bytes("abc"), bytes("de")), 5))
			.succeedsWithin(Duration.ofSeconds(5))
			.isEqualTo(bytes("abcde"));
	}

	@Test
	void readAllFailsAsSoonAsTheCapIsCrossedAndReadsNoFurther() {
		ScriptedReceive receive = ScriptedReceive.body(bytes("abc"), bytes("def"), bytes("ghi"));

		assertThat(RequestBodies.readAll(receive, 5)).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.havingRootCause()
			.isInstanceOf(BodyTooLargeException.class)
			.withMessage("request body: more than 5 bytes (expected: at most 5)");
		assertThat(receive.receivedCount()).isEqualTo(2);
	}

	@Test
	void readAllFailsWhenTheClientDisconnectsFirst() {
		Receive receive = ScriptedReceive.of(new HttpRequest(bytes("abc"), true), new HttpDisconnect());

		assertThat(RequestBodies.readAll(receive, 100)).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.havingRootCause()
			.isInstanceOf(ClientDisconnectedException.class)
			.withMessage("request body: client disconnected after 3 bytes (expected: the whole body)");
	}

	@Test
	void readAllRefusesACapNoArrayCanHold() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestBodies.readAll(ScriptedReceive.body(), -1))
			.withMessage("maxBytes: -1 (expected: 0-2147483639)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RequestBodies.readAll(ScriptedReceive.body(), Integer.MAX_VALUE))
			.withMessage("maxBytes: 2147483647 (expected: 0-2147483639)");
	}

	@Test
	void aMessageOfAnotherProtocolFailsTheRead() {
		assertThat(RequestBodies.readAll(ScriptedReceive.of(new WebSocketConnect()), 100))
			.failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.havingRootCause()
			.withMessage("receive: websocket.connect (expected: http.request or http.disconnect)");
	}

	@Test
	void forEachChunkWaitsForEachHandlerBeforeReceivingTheNextChunk() {
		ScriptedReceive receive = ScriptedReceive.body(bytes("a"), bytes("bc"));
		List<CompletableFuture<Void>> handlers = new ArrayList<>();

		CompletionStage<Long> reading = RequestBodies.forEachChunk(receive, (chunk) -> {
			CompletableFuture<Void> handled = new CompletableFuture<>();
			handlers.add(handled);
			return handled;
		});

		assertThat(receive.receivedCount()).isEqualTo(1);
		handlers.get(0).complete(null);
		assertThat(receive.receivedCount()).isEqualTo(2);
		assertThat(reading).isNotDone();
		handlers.get(1).complete(null);
		assertThat(reading).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(3L);
	}

	@Test
	void forEachChunkFailsWithTheHandlersFailure() {
		CompletionStage<Long> reading = RequestBodies.forEachChunk(ScriptedReceive.body(bytes("a"), bytes("b")),
				(chunk) -> CompletableFuture.failedFuture(new IllegalStateException("disk full")));

		assertThat(reading).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.havingRootCause()
			.withMessage("disk full");
	}

	@Test
	void manyChunksThatArriveAtOnceDoNotOverflowTheStack() {
		byte[][] chunks = new byte[200_000][];
		Arrays.fill(chunks, bytes("x"));

		assertThat(RequestBodies.readAll(ScriptedReceive.body(chunks), 1_000_000))
			.succeedsWithin(Duration.ofSeconds(10))
			.satisfies((body) -> assertThat(body).hasSize(200_000));
	}

	@Test
	void chunksThatArriveOnAnotherThreadAreReadInOrder() {
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			Receive receive = ScriptedReceive.body(bytes("one "), bytes("two "), bytes("three")).completingOn(executor);

			assertThat(RequestBodies.readAll(receive, 100)).succeedsWithin(Duration.ofSeconds(5))
				.isEqualTo(bytes("one two three"));
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
