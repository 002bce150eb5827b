package dev.uvi.asgi;

/** Messages of the {@code websocket} scope that the application receives. */
public sealed interface WebSocketInbound extends InboundMessage
		permits WebSocketConnect, WebSocketReceive, WebSocketDisconnect {
}
