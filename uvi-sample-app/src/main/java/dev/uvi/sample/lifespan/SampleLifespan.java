package dev.uvi.sample.lifespan;

import dev.uvi.server.Lifespan;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lifespan bean: opens a pretend resource at startup and closes it at shutdown, and leaves
 * {@code started} and {@code startup_count} in the lifespan state, which {@code GET /state} shows:
 * proof that the server ran the bean before serving and hands its state to every request. With
 * {@code sample.fail-startup=true} its startup fails, to show (and test) what a failed startup does:
 * the server does not start and the process exits with code 3.
 */
public class SampleLifespan implements Lifespan {

	private static final Logger logger = LoggerFactory.getLogger(SampleLifespan.class);

	private final boolean failStartup;

	/** Per application context, not per JVM: a second context starts again at 1. */
	private final AtomicInteger startups = new AtomicInteger();

	/** @param failStartup true to fail every startup ({@code sample.fail-startup}) */
	public SampleLifespan(boolean failStartup) {
		this.failStartup = failStartup;
	}

	@Override
	public CompletionStage<Void> startup(Map<String, Object> state) {
		if (this.failStartup) {
			return CompletableFuture.failedFuture(
					new IllegalStateException("pretend resource unavailable (sample.fail-startup=true)"));
		}
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
