package dev.uvi.asgi;

/** {@code lifespan.shutdown}: the server has drained its connections; answer with complete or failed. */
public record LifespanShutdown() implements LifespanInbound {

	@Override
	public String type() {
		return "lifespan.shutdown";
	}
}
