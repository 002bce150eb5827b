package dev.uvi.sample.lifespan;

import dev.uvi.routing.LifespanHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a pretend resource at startup and closes it at shutdown, and leaves {@code started} and
 * {@code startup_count} in the lifespan state, which {@code GET /state} shows: proof that the server
 * ran the lifespan before serving and hands its state to every request.
 */
public class SampleLifespan implements LifespanHandler {

	private static final Logger logger = LoggerFactory.getLogger(SampleLifespan.class);

	/** Per application context, not per JVM: a second context starts again at 1. */
	private final AtomicInteger startups = new AtomicInteger();

	@Override
	public CompletionStage<Void> startup(Map<String, Object> state) {
		state.put("started", true);
		state.put("startup_count", this.startups.incrementAndGet());
		logger.info("opened pretend resource");
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletionStage<Void> shutdown(Map<String, Object> state) {
		logger.info("closed pretend resource");
		return CompletableFuture.completedFuture(null);
	}
}
