package dev.uvi.asgi;

import org.jspecify.annotations.Nullable;

/**
 * {@code websocket.disconnect}: the WebSocket is closed.
 * @param code the close code (the peer's, or 1006 when the connection vanished)
 * @param reason the close reason, or null
 */
public record WebSocketDisconnect(int code, @Nullable String reason) implements WebSocketInbound {

	@Override
	public String type() {
		return "websocket.disconnect";
	}
}
