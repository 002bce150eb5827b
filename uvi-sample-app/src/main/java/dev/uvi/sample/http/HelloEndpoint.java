package dev.uvi.sample.http;

import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import dev.uvi.http.Responses;
import java.util.concurrent.CompletionStage;

/** {@code GET /} and {@code HEAD /}: the smallest response there is (the server drops the body for HEAD). */
public class HelloEndpoint {

	/** Answers {@code 200 Hello, world!} as plain text. */
	public CompletionStage<Void> hello(Scope scope, Receive receive, Send send) {
		return Responses.text(send, 200, "Hello, world!");
	}
}
