package dev.uvi.asgi;

/** {@code lifespan.startup}: the server is starting; answer with complete or failed. */
public record LifespanStartup() implements LifespanInbound {

	@Override
	public String type() {
		return "lifespan.startup";
	}
}
