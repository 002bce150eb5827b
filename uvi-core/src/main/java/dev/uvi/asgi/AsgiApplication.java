package dev.uvi.asgi;

import java.util.concurrent.CompletionStage;

/**
 * An ASGI-style application: called once per connection scope (an HTTP request, a WebSocket, the
 * lifespan), it talks to the server through {@code receive} and {@code send} and completes when it
 * is done with the scope. Implementations must not block the calling thread: it is an event loop.
 */
@FunctionalInterface
public interface AsgiApplication {

	/**
	 * Handles one scope.
	 * @param scope what the server knows about the connection or request
	 * @param receive pulls the next inbound message
	 * @param send pushes an outbound message; its stage completes once the server has taken it
	 * @return a stage that completes when the application is done with this scope
	 */
	CompletionStage<Void> call(Scope scope, Receive receive, Send send);
}
