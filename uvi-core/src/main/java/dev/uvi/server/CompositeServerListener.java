package dev.uvi.server;

import dev.uvi.asgi.HttpScope;
import java.util.List;

/** Tells several listeners in order, for {@link UviServerListener#of(List)}. */
final class CompositeServerListener implements UviServerListener {

	private final List<UviServerListener> listeners;

	CompositeServerListener(List<UviServerListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void connectionOpened() {
		this.listeners.forEach(UviServerListener::connectionOpened);
	}

	@Override
	public void connectionClosed() {
		this.listeners.forEach(UviServerListener::connectionClosed);
	}

	@Override
	public RequestObserver requestStarted(HttpScope scope) {
		List<RequestObserver> observers = this.listeners.stream().map((listener) -> listener.requestStarted(scope))
			.toList();
		return (request) -> observers.forEach((observer) -> observer.requestFinished(request));
	}

	@Override
	public void requestRejected(String reason) {
		this.listeners.forEach((listener) -> listener.requestRejected(reason));
	}

	@Override
	public void webSocketOpened() {
		this.listeners.forEach(UviServerListener::webSocketOpened);
	}

	@Override
	public void webSocketClosed() {
		this.listeners.forEach(UviServerListener::webSocketClosed);
	}

	@Override
	public void webSocketMessage(Direction direction) {
		this.listeners.forEach((listener) -> listener.webSocketMessage(direction));
	}

	@Override
	public void lifespan(LifespanState state) {
		this.listeners.forEach((listener) -> listener.lifespan(state));
	}
}
