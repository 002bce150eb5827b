package dev.uvi.asgi;

/** Messages of the {@code websocket} scope that the application sends. */
public sealed interface WebSocketOutbound extends OutboundMessage
		permits WebSocketAccept, WebSocketSend, WebSocketClose, WebSocketResponseStart, WebSocketResponseBody {
}
