package dev.uvi.asgi;

/** Messages of the {@code lifespan} scope that the application receives. */
public sealed interface LifespanInbound extends InboundMessage permits LifespanStartup, LifespanShutdown {
}
