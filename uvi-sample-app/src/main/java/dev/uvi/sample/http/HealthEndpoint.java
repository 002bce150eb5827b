package dev.uvi.sample.http;

import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;

/**
 * {@code GET /health/live} and {@code GET /health/ready}, for orchestrators' probes. Readiness follows
 * Spring Boot's {@link ReadinessState}: refusing during startup (until the application is ready) and
 * again once shutdown has begun, which is when a load balancer must stop sending traffic.
 */
public class HealthEndpoint {

	private final @Nullable ApplicationAvailability availability;

	/** @param availability the application's availability, or null to be always ready */
	public HealthEndpoint(@Nullable ApplicationAvailability availability) {
		this.availability = availability;
	}

	/** Answers {@code {"status":"alive"}}: the process serves requests at all. */
	public CompletionStage<Void> live(Scope scope, Receive receive, Send send) {
		return Json.send(send, 200, Map.of("status", "alive"));
	}

	/** Answers {@code {"status":"ready"}}, or {@code 503 {"status":"not ready"}} while refusing traffic. */
	public CompletionStage<Void> ready(Scope scope, Receive receive, Send send) {
		boolean ready = this.availability == null
				|| this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
		return ready ? Json.send(send, 200, Map.of("status", "ready"))
				: Json.send(send, 503, Map.of("status", "not ready"));
	}
}
