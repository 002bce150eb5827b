package dev.uvi.spring.diagnostics;

import dev.uvi.spring.autoconfigure.AsgiApplicationBeanException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** uvi found no application to serve, or several. */
final class AsgiApplicationBeanFailureAnalyzer extends AbstractFailureAnalyzer<AsgiApplicationBeanException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AsgiApplicationBeanException cause) {
		if (cause.beanNames().isEmpty()) {
			return new FailureAnalysis("uvi found no AsgiApplication bean to serve.",
					"Define one bean of type dev.uvi.asgi.AsgiApplication, "
							+ "or set uvi.enabled=false to run without uvi.",
					cause);
		}
		return new FailureAnalysis(
				"uvi serves one AsgiApplication, but found " + cause.beanNames().size() + " beans: "
						+ String.join(", ", cause.beanNames()) + ".",
				"Keep one of them as a bean and route to the others from it (mount them as sub-applications), "
						+ "or make the others plain objects rather than beans.",
				cause);
	}
}
