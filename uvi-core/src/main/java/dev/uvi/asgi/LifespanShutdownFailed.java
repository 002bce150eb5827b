package dev.uvi.asgi;

import java.util.Objects;

/**
 * {@code lifespan.shutdown.failed}: the application could not shut down cleanly; the server logs the message.
 * @param message what went wrong, for the log
 */
public record LifespanShutdownFailed(String message) implements LifespanOutbound {

	public LifespanShutdownFailed {
		Objects.requireNonNull(message, "message");
	}

	@Override
	public String type() {
		return "lifespan.shutdown.failed";
	}
}
