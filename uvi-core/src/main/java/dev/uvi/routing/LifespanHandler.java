package dev.uvi.routing;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What an application does when the server starts and stops, in the Starlette style: startup opens
 * resources and puts what requests need into the lifespan {@code state} (every request scope gets a
 * shallow copy of it); shutdown closes them. The {@link Router} speaks the ASGI lifespan protocol
 * around it.
 */
public interface LifespanHandler {

	/**
	 * Runs before the server accepts connections; a failed stage makes the server refuse to start.
	 * @param state the lifespan state, mutable here
	 * @return a stage that completes once the application is ready
	 */
	CompletionStage<Void> startup(Map<String, Object> state);

	/**
	 * Runs after the server has drained its connections. Does nothing by default.
	 * @param state the lifespan state as startup left it
	 * @return a stage that completes once resources are released
	 */
	default CompletionStage<Void> shutdown(Map<String, Object> state) {
		return CompletableFuture.completedFuture(null);
	}
}
