package dev.uvi.spring.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags {@code http.server.requests} observations; declare a bean of this type to replace
 * {@link DefaultUviServerRequestObservationConvention}, as Spring's {@code ServerRequestObservationConvention}.
 */
public interface UviServerRequestObservationConvention extends ObservationConvention<UviServerRequestObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof UviServerRequestObservationContext;
	}
}
