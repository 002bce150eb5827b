package dev.uvi.spring.testing;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Answers every HTTP request with {@code 200 hello}; refuses other scopes (run it with {@code uvi.lifespan=off}). */
public final class HelloApplication implements AsgiApplication {

	@Override
	public CompletionStage<Void> call(Scope scope, Receive receive, Send send) {
		if (!(scope instanceof HttpScope)) {
			return CompletableFuture.failedFuture(new IllegalStateException("HTTP only, got " + scope.type()));
		}
		return send.send(HttpResponseStart.of(200, Headers.of("content-type", "text/plain")))
			.thenCompose((sent) -> send.send(HttpResponseBody.last("hello".getBytes(StandardCharsets.US_ASCII))));
	}
}
