package dev.uvi.server;

import dev.uvi.asgi.HttpScope;
import java.util.List;

/**
 * What a server tells observers about its work: connections, requests, refusals, WebSockets and the
 * lifespan. It is the seam through which the Spring Boot starter records Micrometer metrics while the
 * core stays free of them. Every method does nothing by default; the server skips all bookkeeping
 * when the listener is {@link #NOOP}. Methods run on event-loop threads: they must not block.
 */
public interface UviServerListener {

	/** Listens to nothing: the default, and the signal for the server to compute nothing. */
	UviServerListener NOOP = new UviServerListener() {
	};

	/** A TCP (or unix socket) connection was accepted. */
	default void connectionOpened() {
	}

	/** A connection counted by {@link #connectionOpened()} has closed. */
	default void connectionClosed() {
	}

	/**
	 * An HTTP request's head has been read and the application is about to be called.
	 * @param scope the scope the application receives (before any middleware)
	 * @return what to tell when the request ends; {@link RequestObserver#NOOP} for nothing
	 */
	default RequestObserver requestStarted(HttpScope scope) {
		return RequestObserver.NOOP;
	}

	/**
	 * The server refused a request because of a limit, before the application saw it.
	 * @param reason a short, stable token such as {@code concurrency}, {@code header-timeout}, {@code too-large}
	 */
	default void requestRejected(String reason) {
	}

	/** A WebSocket was upgraded (the 101 went out). */
	default void webSocketOpened() {
	}

	/** A WebSocket counted by {@link #webSocketOpened()} has closed. */
	default void webSocketClosed() {
	}

	/** One whole WebSocket message went {@code direction}. */
	default void webSocketMessage(Direction direction) {
	}

	/** The lifespan moved to {@code state}. */
	default void lifespan(LifespanState state) {
	}

	/**
	 * @return one listener telling each of {@code listeners} in order; {@link #NOOP} when there are none
	 */
	static UviServerListener of(List<? extends UviServerListener> listeners) {
		List<UviServerListener> active = listeners.stream().filter((listener) -> listener != NOOP)
			.map(UviServerListener.class::cast).toList();
		if (active.isEmpty()) {
			return NOOP;
		}
		return (active.size() == 1) ? active.get(0) : new CompositeServerListener(active);
	}

	/** Told once when its request ends. */
	@FunctionalInterface
	interface RequestObserver {

		/** Observes nothing. */
		RequestObserver NOOP = (request) -> {
		};

		/** The response is complete, or the connection was closed under it. */
		void requestFinished(CompletedRequest request);
	}

	/** Which way a WebSocket message went. */
	enum Direction {

		/** From the client to the application. */
		RECEIVED,

		/** From the application to the client. */
		SENT
	}

	/** The steps of the ASGI lifespan, as the server drives it. */
	enum LifespanState {

		/** {@code lifespan.startup} sent. */
		STARTING,

		/** Startup complete (or lifespan off/unsupported): the socket is about to be bound. */
		STARTED,

		/** {@code lifespan.shutdown} about to be sent, after the connections drained. */
		STOPPING,

		/** Shutdown complete. */
		STOPPED,

		/** Startup failed: the server will not serve. */
		FAILED
	}
}
