package dev.uvi.spring.metrics;

import dev.uvi.asgi.HttpScope;
import dev.uvi.server.CompletedRequest;
import dev.uvi.server.UviServerListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Records the server's events in Micrometer: each request as an {@code http.server.requests}
 * observation (a timer and, through the default meter handler, the {@code http.server.requests.active}
 * long task timer), plus {@code uvi.connections.active}, {@code uvi.connections},
 * {@code uvi.requests.rejected}, {@code uvi.websocket.sessions.active}, {@code uvi.websocket.messages}
 * and the {@code uvi.http.request.bytes} / {@code uvi.http.response.bytes} summaries.
 */
public final class MicrometerServerListener implements UviServerListener {

	private static final UviServerRequestObservationConvention DEFAULT_CONVENTION =
			new DefaultUviServerRequestObservationConvention();

	private final MeterRegistry meters;

	private final ObservationRegistry observations;

	private final @Nullable UviServerRequestObservationConvention convention;

	private final AtomicLong activeConnections = new AtomicLong();

	private final AtomicLong activeWebSockets = new AtomicLong();

	private final Counter connections;

	private final Counter messagesReceived;

	private final Counter messagesSent;

	private final DistributionSummary requestBytes;

	private final DistributionSummary responseBytes;

	/**
	 * @param meters where the meters go
	 * @param observations where the request observations go (wired to {@code meters} by a meter handler)
	 * @param convention replaces {@link DefaultUviServerRequestObservationConvention}, or null
	 */
	public MicrometerServerListener(MeterRegistry meters, ObservationRegistry observations,
			@Nullable UviServerRequestObservationConvention convention) {
		this.meters = meters;
		this.observations = observations;
		this.convention = convention;
		Gauge.builder("uvi.connections.active", this.activeConnections, AtomicLong::get)
			.description("Open connections")
			.register(meters);
		Gauge.builder("uvi.websocket.sessions.active", this.activeWebSockets, AtomicLong::get)
			.description("Open WebSockets")
			.register(meters);
		this.connections = Counter.builder("uvi.connections").description("Accepted connections").register(meters);
		this.messagesReceived = messages(meters, "received");
		this.messagesSent = messages(meters, "sent");
		this.requestBytes = DistributionSummary.builder("uvi.http.request.bytes").baseUnit("bytes")
			.description("Request body sizes")
			.register(meters);
		this.responseBytes = DistributionSummary.builder("uvi.http.response.bytes").baseUnit("bytes")
			.description("Response body sizes")
			.register(meters);
	}

	private static Counter messages(MeterRegistry meters, String direction) {
		return Counter.builder("uvi.websocket.messages").tag("direction", direction)
			.description("Whole WebSocket messages").register(meters);
	}

	@Override
	public void connectionOpened() {
		this.activeConnections.incrementAndGet();
		this.connections.increment();
	}

	@Override
	public void connectionClosed() {
		this.activeConnections.decrementAndGet();
	}

	@Override
	public RequestObserver requestStarted(HttpScope scope) {
		UviServerRequestObservationContext context = new UviServerRequestObservationContext(scope);
		Observation observation = Observation
			.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context, this.observations)
			.start();
		return (request) -> finished(observation, context, request);
	}

	private void finished(Observation observation, UviServerRequestObservationContext context,
			CompletedRequest request) {
		context.setResponse(request);
		if (request.error() != null) {
			observation.error(request.error());
		}
		observation.stop();
		this.requestBytes.record(request.requestBytes());
		this.responseBytes.record(request.responseBytes());
	}

	@Override
	public void requestRejected(String reason) {
		Counter.builder("uvi.requests.rejected").tag("reason", reason)
			.description("Requests the server refused because of a limit")
			.register(this.meters)
			.increment();
	}

	@Override
	public void webSocketOpened() {
		this.activeWebSockets.incrementAndGet();
	}

	@Override
	public void webSocketClosed() {
		this.activeWebSockets.decrementAndGet();
	}

	@Override
	public void webSocketMessage(Direction direction) {
		((direction == Direction.RECEIVED) ? this.messagesReceived : this.messagesSent).increment();
	}
}
