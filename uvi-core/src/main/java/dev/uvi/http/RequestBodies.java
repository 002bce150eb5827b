package dev.uvi.http;

import dev.uvi.asgi.HttpDisconnect;
import dev.uvi.asgi.HttpRequest;
import dev.uvi.asgi.InboundMessage;
import dev.uvi.asgi.Receive;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Reads the request body of an {@code http} scope: chunk by chunk at the application's pace, or whole
 * with a size cap. Each chunk is received only after the previous one was handled, so a slow handler
 * slows the client down instead of filling memory (the back-pressure contract of {@link Receive}).
 */
public final class RequestBodies {

	/** The largest array the JVM reliably allocates. */
	private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

	private RequestBodies() {
	}

	/**
	 * Receives {@code http.request} messages until {@code more_body} is false, handing each chunk
	 * (empty ones included) to {@code onChunk} and waiting for its stage before receiving the next.
	 * @param receive the scope's receive
	 * @param onChunk called once per chunk, never concurrently; the array is the handler's to keep
	 * @return a stage with the total number of bytes; it fails with {@link ClientDisconnectedException}
	 *     when {@code http.disconnect} comes first, or with the first failure of {@code onChunk}
	 */
	public static CompletionStage<Long> forEachChunk(Receive receive,
			Function<byte[], ? extends CompletionStage<?>> onChunk) {
		long[] total = new long[1]; // only touched by the one step in flight
		return AsyncLoop.repeat(() -> receive.receive().thenCompose((message) -> {
			if (message instanceof HttpRequest request) {
				total[0] += request.body().length;
				return onChunk.apply(request.body()).thenApply((ignored) -> request.moreBody());
			}
			if (message instanceof HttpDisconnect) {
				return CompletableFuture.failedFuture(new ClientDisconnectedException(total[0]));
			}
			return CompletableFuture.failedFuture(unexpected(message));
		})).thenApply((ignored) -> total[0]);
	}

	/**
	 * Reads the whole body into one array.
	 * @param receive the scope's receive
	 * @param maxBytes the most bytes accepted, from 0 to {@code Integer.MAX_VALUE - 8}
	 * @return a stage with the body; it fails with {@link BodyTooLargeException} as soon as the body
	 *     crosses {@code maxBytes} (the rest is not read), or with {@link ClientDisconnectedException}
	 * @throws IllegalArgumentException when {@code maxBytes} is out of range
	 */
	public static CompletionStage<byte[]> readAll(Receive receive, long maxBytes) {
		if (maxBytes < 0 || maxBytes > MAX_ARRAY) {
			throw new IllegalArgumentException("maxBytes: " + maxBytes + " (expected: 0-" + MAX_ARRAY + ")");
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		return forEachChunk(receive, (chunk) -> {
			if (body.size() + (long) chunk.length > maxBytes) {
				return CompletableFuture.failedFuture(new BodyTooLargeException(maxBytes));
			}
			body.writeBytes(chunk);
			return CompletableFuture.completedFuture(null);
		}).thenApply((total) -> body.toByteArray());
	}

	private static IllegalStateException unexpected(InboundMessage message) {
		return new IllegalStateException(
				"receive: " + message.type() + " (expected: http.request or http.disconnect)");
	}
}
