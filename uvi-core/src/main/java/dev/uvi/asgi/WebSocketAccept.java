package dev.uvi.asgi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code websocket.accept}: complete the handshake.
 * @param subprotocol the chosen subprotocol (one the client offered), or null
 * @param headers extra headers for the 101 response
 */
public record WebSocketAccept(@Nullable String subprotocol, Headers headers) implements WebSocketOutbound {

	public WebSocketAccept {
		Objects.requireNonNull(headers, "headers");
	}

	/** @return an accept with no subprotocol and no extra headers */
	public static WebSocketAccept of() {
		return new WebSocketAccept(null, Headers.empty());
	}

	@Override
	public String type() {
		return "websocket.accept";
	}
}
