package dev.uvi.routing;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.ConnectionScope;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.LifespanScope;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import dev.uvi.http.Responses;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Dispatches each scope to the application declared for its path, Starlette-style but exact: no path
 * parameters. Routes match on the route path ({@code path} minus {@code root_path}); exact HTTP and
 * WebSocket routes are tried first, then mounts in declaration order.
 *
 * <p>Unknown path: {@code 404 Not Found}, or a WebSocket closed before accept (HTTP {@code 403}).
 * Known path, other method: {@code 405} with an {@code allow} header. A {@code GET} route also answers
 * {@code HEAD} (the server drops the body). The lifespan scope runs the optional {@link LifespanHandler};
 * without one, startup and shutdown simply complete.
 *
 * <pre>{@code
 * AsgiApplication app = Router.builder()
 *     .get("/", hello)
 *     .post("/echo", echo)
 *     .websocket("/ws/echo", echoSocket)
 *     .mount("/v1", v1)
 *     .lifespan(lifespan)
 *     .build();
 * }</pre>
 */
public final class Router implements AsgiApplication {

	private static final byte[] METHOD_NOT_ALLOWED = "Method Not Allowed".getBytes(StandardCharsets.UTF_8);

	/** Route path, then method. */
	private final Map<String, Map<String, AsgiApplication>> httpRoutes;

	private final Map<String, AsgiApplication> webSocketRoutes;

	private final List<Mount> mounts;

	private final @Nullable LifespanHandler lifespan;

	private Router(Builder builder) {
		Map<String, Map<String, AsgiApplication>> http = new LinkedHashMap<>();
		builder.httpRoutes.forEach((path, methods) -> http.put(path, Map.copyOf(methods)));
		this.httpRoutes = Map.copyOf(http);
		this.webSocketRoutes = Map.copyOf(builder.webSocketRoutes);
		this.mounts = List.copyOf(builder.mounts);
		this.lifespan = builder.lifespan;
	}

	/** @return a builder with no route */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public CompletionStage<Void> call(Scope scope, Receive receive, Send send) {
		if (scope instanceof LifespanScope lifespanScope) {
			return LifespanProtocol.run(this.lifespan, lifespanScope, receive, send);
		}
		ConnectionScope connection = (ConnectionScope) scope;
		String routePath = RoutePath.of(connection);
		if (connection instanceof HttpScope http) {
			Map<String, AsgiApplication> methods = this.httpRoutes.get(routePath);
			if (methods != null) {
				AsgiApplication application = methods.get(http.method());
				if (application == null && http.method().equals("HEAD")) {
					application = methods.get("GET");
				}
				matched(scope, routePath);
				return (application != null) ? application.call(scope, receive, send)
						: methodNotAllowed(methods.keySet(), send);
			}
		}
		else {
			AsgiApplication application = this.webSocketRoutes.get(routePath);
			if (application != null) {
				matched(scope, routePath);
				return application.call(scope, receive, send);
			}
		}
		for (Mount mount : this.mounts) {
			if (mount.matches(routePath)) {
				return mount.forward(connection, receive, send);
			}
		}
		return NotFound.answer(connection, send);
	}

	/** Tells the server which route served the request (exact paths are their own template). */
	private static void matched(Scope scope, String routePath) {
		MatchedRoute route = MatchedRoute.of(scope);
		if (route != null) {
			route.matched(routePath);
		}
	}

	private static CompletionStage<Void> methodNotAllowed(Set<String> methods, Send send) {
		Set<String> allowed = new TreeSet<>(methods); // sorted: a stable allow header
		if (allowed.contains("GET")) {
			allowed.add("HEAD");
		}
		Headers headers = Headers.of("content-type", Responses.TEXT_PLAIN, "allow", String.join(", ", allowed));
		return Responses.complete(send, 405, headers, METHOD_NOT_ALLOWED);
	}

	@Override
	public String toString() {
		return "Router[http=" + this.httpRoutes.keySet() + ", websocket=" + this.webSocketRoutes.keySet()
				+ ", mounts=" + this.mounts + "]";
	}

	/** Collects routes; declaring the same method and path twice is an error. */
	public static final class Builder {

		private final Map<String, Map<String, AsgiApplication>> httpRoutes = new LinkedHashMap<>();

		private final Map<String, AsgiApplication> webSocketRoutes = new LinkedHashMap<>();

		private final List<Mount> mounts = new ArrayList<>();

		private @Nullable LifespanHandler lifespan;

		private Builder() {
		}

		/** Routes {@code GET} (and so {@code HEAD}) on {@code path} to {@code application}. */
		public Builder get(String path, AsgiApplication application) {
			return route(path, List.of("GET"), application);
		}

		/** Routes {@code POST} on {@code path} to {@code application}. */
		public Builder post(String path, AsgiApplication application) {
			return route(path, List.of("POST"), application);
		}

		/**
		 * Routes each of {@code methods} on {@code path} to {@code application}.
		 * @throws IllegalArgumentException when the path does not start with {@code /}, no method is
		 *     given, or one of them is already routed on that path
		 */
		public Builder route(String path, Collection<String> methods, AsgiApplication application) {
			RoutePath.check("path", Objects.requireNonNull(path, "path"));
			Objects.requireNonNull(application, "application");
			if (methods.isEmpty()) {
				throw new IllegalArgumentException("methods: [] for " + path + " (expected: at least one method)");
			}
			Map<String, AsgiApplication> routed = this.httpRoutes.computeIfAbsent(path, (key) -> new LinkedHashMap<>());
			for (String method : methods) {
				if (routed.putIfAbsent(method, application) != null) {
					throw new IllegalArgumentException("route: " + method + " " + path
							+ " declared twice (expected: one application per method and path)");
				}
			}
			return this;
		}

		/**
		 * Routes WebSocket scopes on {@code path} to {@code application}.
		 * @throws IllegalArgumentException when the path is malformed or already routed
		 */
		public Builder websocket(String path, AsgiApplication application) {
			RoutePath.check("path", Objects.requireNonNull(path, "path"));
			if (this.webSocketRoutes.putIfAbsent(path, Objects.requireNonNull(application, "application")) != null) {
				throw new IllegalArgumentException(
						"websocket: " + path + " declared twice (expected: one application per path)");
			}
			return this;
		}

		/** Serves {@code application} under {@code prefix}, see {@link Mount}. */
		public Builder mount(String prefix, AsgiApplication application) {
			this.mounts.add(new Mount(prefix, application));
			return this;
		}

		/** Runs {@code handler} in the lifespan scope; at most one. */
		public Builder lifespan(LifespanHandler handler) {
			this.lifespan = Objects.requireNonNull(handler, "handler");
			return this;
		}

		/** @return the router; later changes to this builder do not affect it */
		public Router build() {
			return new Router(this);
		}
	}
}
