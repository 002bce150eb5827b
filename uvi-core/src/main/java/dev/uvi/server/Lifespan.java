package dev.uvi.server;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Work that belongs to the server's lifespan, outside the application: opening a pool at startup,
 * closing it at shutdown. Hooks run in order before the application's own {@code lifespan.startup},
 * and in reverse order after its {@code lifespan.shutdown}; what they put into {@code state} is
 * copied into every request scope. A hook whose startup fails stops the server from starting.
 */
public interface Lifespan {

	/** Runs before the socket is bound. */
	CompletionStage<Void> startup(Map<String, Object> state);

	/** Runs after the connections have drained. */
	CompletionStage<Void> shutdown(Map<String, Object> state);

	/** @return the name used in log lines and startup-failure messages; the class name by default */
	default String name() {
		return getClass().getSimpleName();
	}
}
