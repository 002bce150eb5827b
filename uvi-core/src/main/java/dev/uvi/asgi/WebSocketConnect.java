package dev.uvi.asgi;

/** {@code websocket.connect}: a client asks to open a WebSocket; answer with accept, close or a denial response. */
public record WebSocketConnect() implements WebSocketInbound {

	@Override
	public String type() {
		return "websocket.connect";
	}
}
