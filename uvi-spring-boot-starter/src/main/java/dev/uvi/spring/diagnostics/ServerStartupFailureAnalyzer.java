package dev.uvi.spring.diagnostics;

import dev.uvi.server.LifespanStartupException;
import dev.uvi.server.PortInUseException;
import dev.uvi.server.UviServerException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The server's own startup failures (a lifespan that failed, unusable TLS material) as one line
 * naming what is wrong, instead of a stack trace. A taken port has its own analyzer.
 */
final class ServerStartupFailureAnalyzer extends AbstractFailureAnalyzer<UviServerException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, UviServerException cause) {
		if (cause instanceof PortInUseException) {
			return null;
		}
		if (cause instanceof LifespanStartupException) {
			return new FailureAnalysis("Application startup failed: " + cause.getMessage(),
					"Fix what the message names. The process exits with code 3, as uvicorn's does.", cause);
		}
		return new FailureAnalysis("The server could not start: " + cause.getMessage(),
				"Fix the uvi.* property the message names.", cause);
	}
}
