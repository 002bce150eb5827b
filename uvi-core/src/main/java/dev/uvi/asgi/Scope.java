package dev.uvi.asgi;

import java.util.Map;

/**
 * What the server tells an application about one call: an HTTP request, a WebSocket, or the
 * lifespan of the server.
 */
public sealed interface Scope permits ConnectionScope, LifespanScope {

	/** The ASGI version uvi speaks. */
	String ASGI_VERSION = "3.0";

	/** @return {@code "http"}, {@code "websocket"} or {@code "lifespan"} */
	String type();

	/**
	 * @return the lifespan state: the map itself in the lifespan scope, a shallow copy of it in every
	 *     request scope (rebinding a key in a request is not seen by the next one)
	 */
	Map<String, Object> state();
}
