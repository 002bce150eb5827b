package dev.uvi.spring.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.spring.autoconfigure.UviAutoConfiguration;
import dev.uvi.spring.testing.HelloApplication;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AsgiApplicationBeanFailureAnalyzerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UviAutoConfiguration.class))
		.withPropertyValues("uvi.port=0", "uvi.lifespan=off");

	@Test
	void missingApplicationSaysWhatToDefine() {
		this.runner.run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("uvi found no AsgiApplication bean to serve.");
			assertThat(analysis.getAction()).contains("dev.uvi.asgi.AsgiApplication").contains("uvi.enabled=false");
		});
	}

	@Test
	void severalApplicationsAreNamedWithAWayOut() {
		this.runner.withBean("api", AsgiApplication.class, HelloApplication::new)
			.withBean("admin", AsgiApplication.class, HelloApplication::new)
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.isEqualTo("uvi serves one AsgiApplication, but found 2 beans: api, admin.");
				assertThat(analysis.getAction()).startsWith("Keep one of them as a bean");
			});
	}

	private static FailureAnalysis analyze(@Nullable Throwable failure) {
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new AsgiApplicationBeanFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}
}
