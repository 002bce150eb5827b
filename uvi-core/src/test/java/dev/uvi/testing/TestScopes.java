package dev.uvi.testing;

import dev.uvi.asgi.Address;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.LifespanScope;
import dev.uvi.asgi.WebSocketScope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Scopes as a server would build them for a request target, for calling applications in-process. */
public final class TestScopes {

	private TestScopes() {
	}

	/** @return an HTTP/1.1 scope for {@code target} (path and optional {@code ?query}), no root path */
	public static HttpScope http(String method, String target) {
		return http(method, target, Headers.of("host", "testserver"));
	}

	/** @return an HTTP/1.1 scope for {@code target} with these request headers */
	public static HttpScope http(String method, String target, Headers headers) {
		int query = target.indexOf('?');
		String path = (query >= 0) ? target.substring(0, query) : target;
		return new HttpScope("1.1", method, "http", path, path, (query >= 0) ? target.substring(query + 1) : "", "",
				headers, Address.of("127.0.0.1", 50000), Address.of("127.0.0.1", 8000), Map.of(), Map.of());
	}

	/** @return a WebSocket scope for {@code path}, no subprotocol offered */
	public static WebSocketScope webSocket(String path) {
		return new WebSocketScope("1.1", "ws", path, path, "", "", Headers.of("host", "testserver"),
				Address.of("127.0.0.1", 50000), Address.of("127.0.0.1", 8000), List.of(), Map.of(), Map.of());
	}

	/** @return a lifespan scope with an empty, mutable state */
	public static LifespanScope lifespan() {
		return new LifespanScope(new HashMap<>());
	}
}
