package dev.uvi.spring.diagnostics;

import dev.uvi.spring.autoconfigure.InvalidUviPropertyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A {@code uvi.*} property bound fine but has a value the server refuses. */
final class InvalidUviPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidUviPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidUviPropertyException cause) {
		return new FailureAnalysis("Invalid value for " + cause.property() + ": " + cause.detail() + ".",
				"Change " + cause.property() + " in your configuration (application properties or YAML, "
						+ "environment variables or command-line arguments).",
				cause);
	}
}
