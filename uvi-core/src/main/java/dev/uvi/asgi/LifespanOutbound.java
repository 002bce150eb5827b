package dev.uvi.asgi;

/** Messages of the {@code lifespan} scope that the application sends. */
public sealed interface LifespanOutbound extends OutboundMessage permits LifespanStartupComplete,
		LifespanStartupFailed, LifespanShutdownComplete, LifespanShutdownFailed {
}
