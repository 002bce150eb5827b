package dev.uvi.routing;

import dev.uvi.asgi.ConnectionScope;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.Send;
import dev.uvi.asgi.WebSocketClose;
import dev.uvi.http.Responses;
import java.util.concurrent.CompletionStage;

/** The answer when no route matches, as Starlette's router gives it. */
final class NotFound {

	private NotFound() {
	}

	/**
	 * {@code 404 Not Found} for HTTP; for a WebSocket, a close before accepting, which the server turns
	 * into an HTTP {@code 403} handshake response.
	 */
	static CompletionStage<Void> answer(ConnectionScope scope, Send send) {
		MatchedRoute route = MatchedRoute.of(scope);
		if (route != null) {
			route.notFound(); // metrics say NOT_FOUND, never the path
		}
		if (scope instanceof HttpScope) {
			return Responses.text(send, 404, "Not Found");
		}
		return send.send(WebSocketClose.of());
	}
}
