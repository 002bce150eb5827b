package dev.uvi.spring.lifecycle;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Publishes {@link ReadinessState#REFUSING_TRAFFIC} when the context closes, before the server
 * drains. Spring Boot's web contexts do this themselves; a context without a Spring web server
 * (uvi's usual case, {@code web-application-type: none}) does not, so readiness probes would keep
 * answering "up" while uvi shuts down.
 */
public final class ReadinessOnContextClose implements ApplicationListener<ContextClosedEvent> {

	private final ApplicationContext context;

	/** @param context the context whose closing is announced; a child context's closing is not */
	public ReadinessOnContextClose(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() == this.context) {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		}
	}
}
