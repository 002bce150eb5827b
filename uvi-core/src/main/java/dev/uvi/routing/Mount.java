package dev.uvi.routing;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.ConnectionScope;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Serves a sub-application under a path prefix, as Starlette's {@code Mount} does. The prefix matches
 * on a segment boundary: {@code /v1} matches {@code /v1} and {@code /v1/items}, not {@code /v10}.
 *
 * <p>The sub-application sees {@code root_path} grown by the prefix and {@code path} left whole:
 * {@code GET /v1/scope} reaches it with {@code root_path} {@code /v1} and {@code path}
 * {@code /v1/scope}. That is what the ASGI spec (HTTP 2.3: {@code path} includes {@code root_path}),
 * uvicorn and Starlette do, so a mounted app that rebuilds its URL from {@code path} gets it right;
 * routing inside the mount matches on {@code path} minus {@code root_path}, here {@code /scope}.
 *
 * <p>Used standalone, a request outside the prefix gets {@code 404}; the lifespan scope is handed to
 * the sub-application unchanged. A {@link Router} does not forward the lifespan to its mounts.
 */
public final class Mount implements AsgiApplication {

	private final String prefix;

	private final AsgiApplication application;

	/**
	 * @param prefix a path starting with {@code /} and not ending with one, e.g. {@code /v1}
	 * @param application the sub-application
	 * @throws IllegalArgumentException when the prefix is not of that form
	 */
	public Mount(String prefix, AsgiApplication application) {
		RoutePath.check("prefix", Objects.requireNonNull(prefix, "prefix"));
		if (prefix.endsWith("/")) {
			throw new IllegalArgumentException("prefix: '" + prefix + "' (expected: no trailing '/', e.g. '/v1')");
		}
		this.prefix = prefix;
		this.application = Objects.requireNonNull(application, "application");
	}

	/** @return the prefix, e.g. {@code /v1} */
	public String prefix() {
		return this.prefix;
	}

	@Override
	public CompletionStage<Void> call(Scope scope, Receive receive, Send send) {
		if (!(scope instanceof ConnectionScope connection)) {
			return this.application.call(scope, receive, send);
		}
		if (!matches(RoutePath.of(connection))) {
			return NotFound.answer(connection, send);
		}
		return forward(connection, receive, send);
	}

	/** @return true when the route path is the prefix or lies below it */
	boolean matches(String routePath) {
		return routePath.startsWith(this.prefix)
				&& (routePath.length() == this.prefix.length() || routePath.charAt(this.prefix.length()) == '/');
	}

	/** Calls the sub-application; the caller has checked {@link #matches(String)}. */
	CompletionStage<Void> forward(ConnectionScope scope, Receive receive, Send send) {
		MatchedRoute route = MatchedRoute.of(scope);
		if (route != null) {
			route.matched(this.prefix);
		}
		return this.application.call(scope.withRootPath(scope.rootPath() + this.prefix), receive, send);
	}

	@Override
	public String toString() {
		return "Mount[" + this.prefix + " -> " + this.application + "]";
	}
}
