package dev.uvi.sample.http;

import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/** {@code GET /state}: the lifespan state as this request's scope carries it (a shallow copy per request). */
public class StateEndpoint {

	/** Answers the state as JSON, keys sorted. */
	public CompletionStage<Void> state(Scope scope, Receive receive, Send send) {
		return Json.send(send, 200, new TreeMap<>(scope.state()));
	}
}
