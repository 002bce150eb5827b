package dev.uvi.routing;

import dev.uvi.asgi.Scope;
import dev.uvi.asgi.ConnectionScope;
import org.jspecify.annotations.Nullable;

/**
 * Which route served a request, for metrics that must never be tagged with the raw path (every
 * distinct path would become a time series). When someone listens, the server puts one holder per
 * request into the scope's {@code extensions} under {@value #EXTENSION}; {@link Router} and
 * {@link Mount} fill it as they dispatch, and the server reads it when the response ends.
 *
 * <p>A mutable holder rather than a returned value because the ASGI contract gives an application
 * no way to answer anything but messages, and scopes are immutable records that middleware copies:
 * the extensions map, and so this holder, is shared by every copy. Mounts append their prefix and
 * the routers inside append their route, so {@code /v1} mounting a router with {@code /items} gives
 * {@code /v1/items}; a mounted application that is not a router leaves the prefix. Your own
 * middleware can fill it too, with {@link #matched(String)}.
 */
public final class MatchedRoute {

	/** The key in a scope's {@code extensions}: {@value}. */
	public static final String EXTENSION = "uvi.route";

	private final StringBuilder template = new StringBuilder();

	private volatile @Nullable String matched;

	private volatile boolean notFound;

	/** @return the holder of this request's scope, or null when the server put none there (nobody listens) */
	public static @Nullable MatchedRoute of(Scope scope) {
		if (scope instanceof ConnectionScope connection
				&& connection.extensions().get(EXTENSION) instanceof MatchedRoute route) {
			return route;
		}
		return null;
	}

	/** Appends a route template or mount prefix (starting with {@code /}) to what matched so far. */
	public synchronized void matched(String path) {
		this.template.append(path);
		this.matched = this.template.toString();
		this.notFound = false;
	}

	/** A router found no route: the request is tagged {@code NOT_FOUND}, whatever matched above it. */
	public void notFound() {
		this.notFound = true;
	}

	/** @return the matched template, e.g. {@code /v1/items}, or null when nothing matched */
	public @Nullable String template() {
		return this.notFound ? null : this.matched;
	}

	/** @return true when a router said that no route matched */
	public boolean isNotFound() {
		return this.notFound;
	}

	@Override
	public String toString() {
		return "MatchedRoute[" + (this.notFound ? "NOT_FOUND" : this.matched) + "]";
	}
}
