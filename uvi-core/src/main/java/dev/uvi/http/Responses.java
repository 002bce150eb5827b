package dev.uvi.http;

import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.Send;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Sends a response on an {@code http} scope: whole (one {@code http.response.start} with
 * {@code content-type} and {@code content-length}, then one last body message), or streamed chunk by
 * chunk with each send awaited before the next chunk is asked for, so a slow client slows the
 * producer down. The model is Starlette's {@code responses.py}, without the framework.
 */
public final class Responses {

	/** The content type of plain text responses. */
	public static final String TEXT_PLAIN = "text/plain; charset=utf-8";

	/** The content type of JSON responses. */
	public static final String APPLICATION_JSON = "application/json";

	private Responses() {
	}

	/** @return a stage that completes once the UTF-8 text response has been sent */
	public static CompletionStage<Void> text(Send send, int status, String body) {
		return bytes(send, status, TEXT_PLAIN, body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Sends JSON that the caller has serialised already (core has no JSON library).
	 * @return a stage that completes once the response has been sent
	 */
	public static CompletionStage<Void> json(Send send, int status, byte[] utf8Json) {
		return bytes(send, status, APPLICATION_JSON, utf8Json);
	}

	/** @return a stage that completes once the response has been sent */
	public static CompletionStage<Void> bytes(Send send, int status, String contentType, byte[] body) {
		return complete(send, status, Headers.of("content-type", contentType), body);
	}

	/**
	 * Sends a whole response with the given headers plus a {@code content-length} that replaces any
	 * the headers had.
	 * @return a stage that completes once the response has been sent
	 */
	public static CompletionStage<Void> complete(Send send, int status, Headers headers, byte[] body) {
		String length = Integer.toString(body.length);
		// one array copy in the common case; a builder only to replace a content-length already there
		Headers withLength = headers.contains("content-length")
				? headers.toBuilder().set("content-length", length).build() : headers.with("content-length", length);
		return send.send(HttpResponseStart.of(status, withLength))
			.thenCompose((ignored) -> send.send(HttpResponseBody.last(body)));
	}

	/**
	 * Sends the start, then each chunk {@code source} yields, then the end of the body. With a
	 * {@code content-length} in {@code headers} the server sends exactly that many bytes; without one,
	 * HTTP/1.1 responses are chunked.
	 * @param source asked for the next chunk only after the previous one was sent
	 * @return a stage that completes once the last chunk has been sent
	 */
	public static CompletionStage<Void> stream(Send send, int status, Headers headers, BodySource source) {
		return send.send(HttpResponseStart.of(status, headers))
			.thenCompose((started) -> AsyncLoop.repeat(() -> source.next().thenCompose((chunk) -> (chunk != null)
					? send.send(HttpResponseBody.chunk(chunk)).thenApply((sent) -> true)
					: send.send(HttpResponseBody.end()).thenApply((sent) -> false))));
	}

	/** Produces the chunks of a streamed body, one at a time. */
	@FunctionalInterface
	public interface BodySource {

		/** @return a stage with the next chunk, or with null once the body is complete */
		CompletionStage<byte @Nullable []> next();
	}
}
