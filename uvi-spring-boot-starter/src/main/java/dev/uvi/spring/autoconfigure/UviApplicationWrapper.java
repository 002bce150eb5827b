package dev.uvi.spring.autoconfigure;

import dev.uvi.asgi.AsgiApplication;

/**
 * Wraps the context's one {@link AsgiApplication} bean in middleware before the server runs it, so
 * that the starter (its Prometheus route, for one) and libraries can add ASGI middleware without a
 * second application bean. Beans of this type are applied in their order, each around the result
 * of the one before: the last in order is the outermost.
 */
@FunctionalInterface
public interface UviApplicationWrapper {

	/** @return {@code application}, or middleware around it */
	AsgiApplication wrap(AsgiApplication application);
}
