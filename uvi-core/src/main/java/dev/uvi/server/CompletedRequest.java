package dev.uvi.server;

import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpScope;
import org.jspecify.annotations.Nullable;

/**
 * One finished HTTP request, as the access log and {@link UviServerListener} see it: what was asked,
 * what was answered, how long it took and how many body bytes went each way.
 *
 * @param scope the request's scope as the server built it (before any middleware)
 * @param status the status sent, or 0 when no response started (the client left first)
 * @param responseHeaders the headers the application sent (without the server's defaults)
 * @param durationNanos from the request head read to the response handed to the socket
 * @param requestBytes body bytes read from the client
 * @param responseBytes body bytes sent (0 for HEAD)
 * @param route the route template or mount prefix the router matched, or null (see {@link dev.uvi.routing.MatchedRoute})
 * @param notFound true when a router answered that no route matched
 * @param error what the application threw, or null
 * @param completed false when the connection closed before the response was complete
 */
public record CompletedRequest(HttpScope scope, int status, Headers responseHeaders, long durationNanos,
		long requestBytes, long responseBytes, @Nullable String route, boolean notFound, @Nullable Throwable error,
		boolean completed) {
}
