package dev.uvi.spring.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.spring.autoconfigure.UviAutoConfiguration;
import dev.uvi.spring.testing.HelloApplication;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

@ExtendWith(OutputCaptureExtension.class)
class PortInUseFailureAnalyzerTests {

	@Test
	void portTakenByAnotherProcessIsExplainedWithWhatToDo() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			int port = taken.getLocalPort();
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(UviAutoConfiguration.class))
				.withPropertyValues("uvi.port=" + port, "uvi.lifespan=off")
				.withBean("hello", AsgiApplication.class, HelloApplication::new)
				.run((context) -> {
					FailureAnalysis analysis = new PortInUseFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis).isNotNull();
					assertThat(analysis.getDescription()).isEqualTo("Port " + port + " on 127.0.0.1 is already in use.");
					assertThat(analysis.getAction()).isEqualTo(
							"Stop the process that listens there or set uvi.port to another port (0 picks a free one).");
				});
		}
	}

	@Test
	void applicationThatCannotBindPrintsTheAnalysis(CapturedOutput output) throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			SpringApplication application = new SpringApplication(HelloApp.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			application.setBannerMode(Banner.Mode.OFF);
			assertThatException()
				.isThrownBy(() -> application.run("--uvi.port=" + taken.getLocalPort(), "--uvi.lifespan=off"));
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use.")
				.contains("set uvi.port to another port");
		}
	}

	@Test
	void everyAnalyzerIsRegisteredWithSpringBoot() {
		// Boot's own analyzers want constructor arguments this plain loader does not give: skip them.
		SpringFactoriesLoader.FailureHandler skip = SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
		});
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class, skip))
			.hasAtLeastOneElementOfType(PortInUseFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(AsgiApplicationBeanFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(InvalidUviPropertyFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(ServerStartupFailureAnalyzer.class);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(UviAutoConfiguration.class)
	static class HelloApp {

		@Bean
		AsgiApplication hello() {
			return new HelloApplication();
		}
	}
}
