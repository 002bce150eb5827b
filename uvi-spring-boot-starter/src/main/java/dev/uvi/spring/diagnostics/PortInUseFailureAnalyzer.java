package dev.uvi.spring.diagnostics;

import dev.uvi.server.PortInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The address uvi should listen on is taken. */
final class PortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
		return new FailureAnalysis("Port " + cause.port() + " on " + cause.host() + " is already in use.",
				"Stop the process that listens there or set uvi.port to another port (0 picks a free one).", cause);
	}
}
