package dev.uvi.asgi;

import java.util.Objects;

/**
 * {@code lifespan.startup.failed}: the application cannot start; the server does not serve and exits with code 3.
 * @param message what went wrong, for the log
 */
public record LifespanStartupFailed(String message) implements LifespanOutbound {

	public LifespanStartupFailed {
		Objects.requireNonNull(message, "message");
	}

	@Override
	public String type() {
		return "lifespan.startup.failed";
	}
}
