package dev.uvi.testing;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.LifespanScope;
import dev.uvi.asgi.Send;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Tiny applications for server tests, written against the contract only. */
public final class TestApps {

	private TestApps() {
	}

	/** @return an app answering every HTTP request with 200 and {@code text}; lifespan unsupported */
	public static AsgiApplication text(String text) {
		return (scope, receive, send) -> {
			if (scope instanceof LifespanScope) {
				return CompletableFuture.failedFuture(new IllegalStateException("no lifespan here"));
			}
			return sendText(send, 200, text);
		};
	}

	/** Sends a whole text/plain response with a content-length. */
	public static CompletionStage<Void> sendText(Send send, int status, String text) {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		return send.send(HttpResponseStart.of(status, Headers.of("content-type", "text/plain; charset=utf-8",
				"content-length", Integer.toString(body.length))))
			.thenCompose((ignored) -> send.send(HttpResponseBody.last(body)));
	}
}
