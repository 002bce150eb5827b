package dev.uvi.internal.server;

import dev.uvi.server.UviServerListener;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;

/**
 * Tells the listener of each accepted connection and of its close. reactor-netty's
 * {@code doOnConnection} fires per request, not per connection; {@code CONNECTED} on the child
 * observer fires once per accepted channel, and the channel's close future once when it goes.
 */
final class ConnectionCounter implements ConnectionObserver {

	private final UviServerListener listener;

	ConnectionCounter(UviServerListener listener) {
		this.listener = listener;
	}

	@Override
	public void onStateChange(Connection connection, State newState) {
		if (newState == State.CONNECTED) {
			this.listener.connectionOpened();
			connection.channel().closeFuture().addListener((future) -> this.listener.connectionClosed());
		}
	}
}
