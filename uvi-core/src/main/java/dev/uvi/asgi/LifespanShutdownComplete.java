package dev.uvi.asgi;

/** {@code lifespan.shutdown.complete}: the application has released its resources. */
public record LifespanShutdownComplete() implements LifespanOutbound {

	@Override
	public String type() {
		return "lifespan.shutdown.complete";
	}
}
