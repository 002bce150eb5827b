package dev.uvi.spring.metrics;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import dev.uvi.http.Responses;
import dev.uvi.routing.MatchedRoute;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/**
 * Answers {@code GET} (and {@code HEAD}) at one path with the Prometheus text format of a
 * {@link PrometheusMeterRegistry}, and passes everything else to the application. Middleware rather
 * than a route, because the application is the user's one bean and need not be a router; the path
 * is matched below the root path, as routes are.
 */
final class PrometheusScrapeMiddleware implements AsgiApplication {

	/** The text exposition format 0.0.4, which every Prometheus scrapes. */
	static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

	private final AsgiApplication application;

	private final PrometheusMeterRegistry registry;

	private final String path;

	PrometheusScrapeMiddleware(AsgiApplication application, PrometheusMeterRegistry registry, String path) {
		this.application = application;
		this.registry = registry;
		this.path = path;
	}

	@Override
	public CompletionStage<Void> call(Scope scope, Receive receive, Send send) {
		if (scope instanceof HttpScope http && isScrape(http)) {
			MatchedRoute route = MatchedRoute.of(scope);
			if (route != null) {
				route.matched(this.path);
			}
			byte[] body = this.registry.scrape().getBytes(StandardCharsets.UTF_8);
			return Responses.bytes(send, 200, CONTENT_TYPE, body);
		}
		return this.application.call(scope, receive, send);
	}

	private boolean isScrape(HttpScope scope) {
		if (!scope.method().equals("GET") && !scope.method().equals("HEAD")) {
			return false;
		}
		return scope.path().equals(scope.rootPath() + this.path);
	}
}
