package dev.uvi.sample.http;

import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import dev.uvi.http.Responses;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /slow?ms=N}: answers after N ms on a timer, holding no thread, so many slow requests cost nothing.
 * At debug level it logs when a wait begins, so a test can tell when its requests are in flight.
 */
public class SlowEndpoint {

	private static final Logger logger = LoggerFactory.getLogger(SlowEndpoint.class);

	/** Answers {@code slept N}; {@code 400} when {@code ms} is not from 0 to 60000. */
	public CompletionStage<Void> slow(Scope scope, Receive receive, Send send) {
		long millis;
		try {
			millis = Query.number((HttpScope) scope, "ms", 0, 60_000);
		}
		catch (IllegalArgumentException ex) {
			return Responses.text(send, 400, ex.getMessage());
		}
		logger.debug("Sleeping {} ms", millis);
		return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS))
			.thenCompose((slept) -> Responses.text(send, 200, "slept " + millis));
	}
}
