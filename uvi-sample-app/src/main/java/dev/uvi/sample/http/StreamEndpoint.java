package dev.uvi.sample.http;

import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import dev.uvi.http.Responses;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /stream?chunks=N&size=B&delay_ms=D}: N chunks of B bytes, D ms apart, without a
 * {@code content-length} (chunked on HTTP/1.1). The wait is a timer, not a sleeping thread, so the
 * event loop keeps serving others meanwhile.
 */
public class StreamEndpoint {

	/** Streams the chunks; {@code 400} when a parameter is out of range. */
	public CompletionStage<Void> stream(Scope scope, Receive receive, Send send) {
		long chunks;
		int size;
		long delay;
		try {
			HttpScope http = (HttpScope) scope;
			chunks = Query.number(http, "chunks", 10, 1_000_000);
			size = (int) Query.number(http, "size", 16, 1024 * 1024);
			delay = Query.number(http, "delay_ms", 0, 60_000);
		}
		catch (IllegalArgumentException ex) {
			return Responses.text(send, 400, ex.getMessage());
		}
		Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS);
		long[] sent = new long[1]; // the source is asked for one chunk at a time
		return Responses.stream(send, 200, Headers.of("content-type", "text/plain; charset=utf-8"), () -> {
			if (sent[0] == chunks) {
				return CompletableFuture.completedFuture(null);
			}
			byte[] chunk = DigitPattern.bytes(sent[0] * size, size);
			return (sent[0]++ == 0 || delay == 0) ? CompletableFuture.completedFuture(chunk)
					: CompletableFuture.supplyAsync(() -> chunk, later);
		});
	}
}
