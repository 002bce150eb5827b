package dev.uvi.spring.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.server.Lifespan;
import dev.uvi.spring.autoconfigure.UviAutoConfiguration;
import dev.uvi.spring.testing.HelloApplication;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ServerStartupFailureAnalyzerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UviAutoConfiguration.class))
		.withPropertyValues("uvi.port=0", "uvi.lifespan=off")
		.withBean("hello", AsgiApplication.class, HelloApplication::new);

	@Test
	void failedLifespanIsOneLineNamingTheBean() {
		this.runner.withBean("database", Lifespan.class, FailingLifespan::new).run((context) -> {
			FailureAnalysis analysis = new ServerStartupFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription())
				.isEqualTo("Application startup failed: Lifespan 'database' failed to start: unreachable");
		});
	}

	@Test
	void missingCertificateFileNamesTheProperty() {
		this.runner.withPropertyValues("uvi.ssl.certfile=/nowhere/cert.pem", "uvi.ssl.keyfile=/nowhere/key.pem")
			.run((context) -> {
				FailureAnalysis analysis = new ServerStartupFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).isEqualTo(
						"The server could not start: ssl.certfile: /nowhere/cert.pem (expected: a readable PEM file)");
			});
	}

	@Test
	void portInUseIsLeftToItsOwnAnalyzer() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			this.runner.withPropertyValues("uvi.port=" + taken.getLocalPort()).run((context) -> assertThat(
					new ServerStartupFailureAnalyzer().analyze(context.getStartupFailure())).isNull());
		}
	}

	static class FailingLifespan implements Lifespan {

		@Override
		public CompletionStage<Void> startup(Map<String, Object> state) {
			return CompletableFuture.failedFuture(new IllegalStateException("unreachable"));
		}

		@Override
		public CompletionStage<Void> shutdown(Map<String, Object> state) {
			return CompletableFuture.completedFuture(null);
		}
	}
}
