package dev.uvi.internal.http;

import dev.uvi.asgi.Address;
import io.netty.channel.Channel;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.AttributeKey;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;

/**
 * What uvi keeps per connection (per stream for HTTP/2), in one channel attribute read once per
 * request: the two ends' addresses and the ASGI {@code tls} extension, fixed for the connection's
 * life, and the request in flight. One close listener per connection tells that request of the
 * disconnect; a listener per request cost an add and a remove on the close future every time.
 */
final class HttpConnection {

	private static final AttributeKey<HttpConnection> KEY = AttributeKey.valueOf("uvi.connection");

	/** On an HTTP/2 connection's channel: the ends its streams share. */
	private static final AttributeKey<Ends> ENDS = AttributeKey.valueOf("uvi.ends");

	private final Ends ends;

	private final AtomicReference<@Nullable HttpCycle> inFlight = new AtomicReference<>();

	private HttpConnection(Ends ends) {
		this.ends = ends;
	}

	/** @return the connection's state, created (and its close listener registered) by its first request */
	static HttpConnection of(HttpServerRequest request, Channel channel) {
		HttpConnection connection = channel.attr(KEY).get();
		if (connection == null) {
			connection = new HttpConnection(ends(request, channel));
			channel.attr(KEY).set(connection);
			HttpConnection registered = connection;
			channel.closeFuture().addListener((future) -> registered.closed());
		}
		return connection;
	}

	/** @return the request in flight on {@code channel}, taken (it is not returned twice), or null */
	static @Nullable HttpCycle takeInFlight(Channel channel) {
		HttpConnection connection = channel.attr(KEY).get();
		return (connection != null) ? connection.inFlight.getAndSet(null) : null;
	}

	@Nullable Address client() {
		return this.ends.client();
	}

	@Nullable Address server() {
		return this.ends.server();
	}

	/** @return the {@code tls} extension's content, null without TLS */
	@Nullable Map<String, Object> tls() {
		return this.ends.tls();
	}

	/**
	 * An HTTP/2 stream is a channel of its own, one per request: its ends are its connection's, so
	 * they are worked out once per connection (addresses formatted, pipelines searched for TLS).
	 */
	private static Ends ends(HttpServerRequest request, Channel channel) {
		if (!(channel instanceof Http2StreamChannel stream)) {
			return Ends.of(request, channel);
		}
		Channel connection = stream.parent();
		Ends shared = connection.attr(ENDS).get();
		if (shared == null) {
			shared = Ends.of(request, connection);
			connection.attr(ENDS).set(shared); // streams run on their connection's event loop
		}
		return shared;
	}

	/** The two ends' addresses and the {@code tls} extension: fixed for a connection's life. */
	private record Ends(@Nullable Address client, @Nullable Address server, @Nullable Map<String, Object> tls) {

		/** @param connection the TCP connection's channel */
		static Ends of(HttpServerRequest request, Channel connection) {
			return new Ends(ScopeFactory.address(request.remoteAddress()),
					ScopeFactory.address(connection.localAddress()), TlsExtension.of(connection));
		}
	}

	void started(HttpCycle cycle) {
		this.inFlight.set(cycle);
	}

	void ended(HttpCycle cycle) {
		this.inFlight.compareAndSet(cycle, null);
	}

	private void closed() {
		HttpCycle cycle = this.inFlight.get();
		if (cycle != null) {
			cycle.disconnected();
		}
	}
}
