package dev.uvi.sample.http;

import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /boom} and {@code GET /boom-after-start}: an application that fails, before and after
 * starting its response, to show what the server does about it (a fixed {@code 500}, or a truncated
 * response; the connection closed either way, the server serving on).
 */
public class BoomEndpoint {

	/** Fails before {@code http.response.start}. */
	public CompletionStage<Void> boom(Scope scope, Receive receive, Send send) {
		return CompletableFuture.failedFuture(new IllegalStateException("boom (on purpose, before the response)"));
	}

	/** Sends a start and a first chunk with more to come, then fails. */
	public CompletionStage<Void> boomAfterStart(Scope scope, Receive receive, Send send) {
		return send.send(HttpResponseStart.of(200, Headers.of("content-type", "text/plain; charset=utf-8")))
			.thenCompose((started) -> send.send(HttpResponseBody.chunk("partial".getBytes(StandardCharsets.UTF_8))))
			.thenCompose((sent) -> CompletableFuture.failedFuture(
					new IllegalStateException("boom (on purpose, after the response started)")));
	}
}
