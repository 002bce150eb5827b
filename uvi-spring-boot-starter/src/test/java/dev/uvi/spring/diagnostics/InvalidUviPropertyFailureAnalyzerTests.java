package dev.uvi.spring.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.spring.autoconfigure.UviAutoConfiguration;
import dev.uvi.spring.testing.HelloApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class InvalidUviPropertyFailureAnalyzerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UviAutoConfiguration.class))
		.withPropertyValues("uvi.lifespan=off")
		.withBean("hello", AsgiApplication.class, HelloApplication::new);

	@Test
	void outOfRangePortIsOneLineNamingTheProperty() {
		this.runner.withPropertyValues("uvi.port=70000").run((context) -> {
			FailureAnalysis analysis = new InvalidUviPropertyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).isEqualTo("Invalid value for uvi.port: 70000 (expected: 0-65535).");
			assertThat(analysis.getAction()).startsWith("Change uvi.port in your configuration");
		});
	}

	@Test
	void unrelatedFailureIsLeftToOtherAnalyzers() {
		assertThat(new InvalidUviPropertyFailureAnalyzer().analyze(new IllegalStateException("port: 1"))).isNull();
	}
}
