package dev.uvi.asgi;

import java.util.Map;

/**
 * The lifespan of the server, as ASGI's {@code lifespan} scope.
 * @param state the mutable map the application fills at startup; every request scope gets a
 *     shallow copy of it
 */
public record LifespanScope(Map<String, Object> state) implements Scope {

	@Override
	public String type() {
		return "lifespan";
	}
}
