package dev.uvi.spring.metrics;

import dev.uvi.asgi.HttpScope;
import dev.uvi.server.CompletedRequest;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import java.util.Locale;

/**
 * The observation context of one HTTP request: the scope as carrier (tracing propagation reads its
 * headers), the {@link CompletedRequest} as response once it has ended. The counterpart of Spring's
 * {@code ServerRequestObservationContext}, on uvi's types.
 */
public final class UviServerRequestObservationContext extends RequestReplyReceiverContext<HttpScope, CompletedRequest> {

	/** @param scope the request's scope */
	public UviServerRequestObservationContext(HttpScope scope) {
		super((carrier, key) -> carrier.headers().get(key.toLowerCase(Locale.ROOT)));
		setCarrier(scope);
	}
}
