package dev.uvi.asgi;

/** A message the server hands to the application through {@link Receive}. */
public sealed interface InboundMessage permits HttpInbound, WebSocketInbound, LifespanInbound {

	/** @return the ASGI message type, e.g. {@code "http.request"} */
	String type();
}
