package dev.uvi.asgi;

/** Messages of the {@code http} scope that the application receives. */
public sealed interface HttpInbound extends InboundMessage permits HttpRequest, HttpDisconnect {
}
