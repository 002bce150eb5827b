package dev.uvi.sample.http;

import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import dev.uvi.http.RequestBodies;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /echo}: streams the request body back chunk by chunk as it arrives, never holding more
 * than one chunk, so it shows back-pressure in both directions. No {@code content-length}, so HTTP/1.1
 * answers chunked. The response starts once the first chunk is in, after any {@code 100 Continue}.
 */
public class EchoEndpoint {

	/** Echoes the body with the request's content type, or {@code application/octet-stream}. */
	public CompletionStage<Void> echo(Scope scope, Receive receive, Send send) {
		String contentType = ((HttpScope) scope).headers().get("content-type");
		HttpResponseStart start = HttpResponseStart.of(200,
				Headers.of("content-type", (contentType != null) ? contentType : "application/octet-stream"));
		boolean[] started = new boolean[1]; // chunks are handled one at a time
		return Disconnects.ignored(RequestBodies.forEachChunk(receive, (chunk) -> {
			CompletionStage<Void> ready = started[0] ? CompletableFuture.completedFuture(null) : send.send(start);
			started[0] = true;
			return (chunk.length == 0) ? ready
					: ready.thenCompose((ignored) -> send.send(HttpResponseBody.chunk(chunk)));
		}).thenCompose((total) -> send.send(HttpResponseBody.end())));
	}
}
