package dev.uvi.asgi;

/** A message the application hands to the server through {@link Send}. */
public sealed interface OutboundMessage permits HttpOutbound, WebSocketOutbound, LifespanOutbound {

	/** @return the ASGI message type, e.g. {@code "http.response.start"} */
	String type();
}
