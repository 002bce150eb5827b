package dev.uvi.asgi;

/** {@code lifespan.startup.complete}: the application is ready; the server binds its socket. */
public record LifespanStartupComplete() implements LifespanOutbound {

	@Override
	public String type() {
		return "lifespan.startup.complete";
	}
}
