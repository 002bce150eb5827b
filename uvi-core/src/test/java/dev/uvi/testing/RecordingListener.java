package dev.uvi.testing;

import dev.uvi.asgi.HttpScope;
import dev.uvi.server.CompletedRequest;
import dev.uvi.server.UviServerListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link UviServerListener} that remembers what it was told, for assertions. */
public final class RecordingListener implements UviServerListener {

	public final AtomicInteger connectionsOpened = new AtomicInteger();

	public final AtomicInteger connectionsClosed = new AtomicInteger();

	public final List<HttpScope> started = new CopyOnWriteArrayList<>();

	public final List<CompletedRequest> finished = new CopyOnWriteArrayList<>();

	public final List<String> rejected = new CopyOnWriteArrayList<>();

	public final AtomicInteger webSocketsOpened = new AtomicInteger();

	public final AtomicInteger webSocketsClosed = new AtomicInteger();

	public final List<Direction> messages = new CopyOnWriteArrayList<>();

	public final List<LifespanState> lifespan = new CopyOnWriteArrayList<>();

	@Override
	public void connectionOpened() {
		this.connectionsOpened.incrementAndGet();
	}

	@Override
	public void connectionClosed() {
		this.connectionsClosed.incrementAndGet();
	}

	@Override
	public RequestObserver requestStarted(HttpScope scope) {
		this.started.add(scope);
		return this.finished::add;
	}

	@Override
	public void requestRejected(String reason) {
		this.rejected.add(reason);
	}

	@Override
	public void webSocketOpened() {
		this.webSocketsOpened.incrementAndGet();
	}

	@Override
	public void webSocketClosed() {
		this.webSocketsClosed.incrementAndGet();
	}

	@Override
	public void webSocketMessage(Direction direction) {
		this.messages.add(direction);
	}

	@Override
	public void lifespan(LifespanState state) {
		this.lifespan.add(state);
	}
}
