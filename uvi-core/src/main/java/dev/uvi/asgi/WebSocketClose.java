package dev.uvi.asgi;

import java.util.Objects;

/**
 * {@code websocket.close}: close the WebSocket, or refuse it with HTTP 403 before accept.
 * @param code the close code, 1000 by default
 * @param reason the close reason, empty by default
 */
public record WebSocketClose(int code, String reason) implements WebSocketOutbound {

	public WebSocketClose {
		Objects.requireNonNull(reason, "reason");
	}

	/** @return a normal close (1000) with no reason */
	public static WebSocketClose of() {
		return new WebSocketClose(1000, "");
	}

	@Override
	public String type() {
		return "websocket.close";
	}
}
