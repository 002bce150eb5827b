package dev.uvi.spring.lifecycle;

import dev.uvi.server.UviConfig;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Spring stops waiting for a lifecycle's stop after {@code spring.lifecycle.timeout-per-shutdown-phase}
 * (30 s by default) and closes the context anyway; a longer {@code uvi.timeout-graceful-shutdown}
 * would be cut short without a word, so say so at startup.
 */
final class ShutdownPhaseCheck {

	private static final Logger logger = LoggerFactory.getLogger(ShutdownPhaseCheck.class);

	static final Duration SPRING_DEFAULT = Duration.ofSeconds(30);

	private ShutdownPhaseCheck() {
	}

	/** @return true when a warning was logged */
	static boolean warnIfShorter(UviConfig config, Environment environment) {
		Duration graceful = config.timeoutGracefulShutdown();
		Duration phase = environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class,
				SPRING_DEFAULT);
		if (graceful != null && phase.compareTo(graceful) < 0) {
			logger.warn("uvi.timeout-graceful-shutdown ({}) is longer than spring.lifecycle.timeout-per-shutdown-phase "
					+ "({}): Spring will stop waiting first. Set spring.lifecycle.timeout-per-shutdown-phase to at least {}.",
					graceful, phase, graceful);
			return true;
		}
		return false;
	}
}
