package dev.uvi.spring.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.uvi.asgi.AsgiApplication;
import dev.uvi.spring.autoconfigure.UviAutoConfiguration;
import dev.uvi.spring.lifecycle.UviServerLifecycle;
import dev.uvi.spring.testing.HelloApplication;
import dev.uvi.testing.RawHttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring Boot's structured console logging carries the access-log fields as JSON members, not only the line. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredAccessLogTests {

	@Test
	void ecsLineCarriesTheAccessFields(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			// the core test jar's logback-test.xml would win over Boot's default setup: name Boot's structured one
			.properties("logging.structured.format.console=ecs", "logging.config=classpath:logback-structured.xml",
					"uvi.port=0", "uvi.lifespan=off")
			.run()) {
			int port = context.getEnvironment().getRequiredProperty(UviServerLifecycle.PORT_PROPERTY, Integer.class);
			try (RawHttpClient client = RawHttpClient.connect(port)) {
				client.send("GET /items?page=2 HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> accessLine(output).isPresent());
			DocumentContext json = JsonPath.parse(accessLine(output).get());
			assertThat(json.read("$.message", String.class)).matches("127\\.0\\.0\\.1:\\d+ - \"GET /items\\?page=2 HTTP/1\\.1\" 200 OK");
			assertThat(json.read("$.client", String.class)).startsWith("127.0.0.1:");
			assertThat(json.read("$.method", String.class)).isEqualTo("GET");
			assertThat(json.read("$.path", String.class)).isEqualTo("/items");
			assertThat(json.read("$.query", String.class)).isEqualTo("page=2");
			assertThat(json.read("$.status", Integer.class)).isEqualTo(200);
			assertThat(json.read("$.bytes", Integer.class)).isEqualTo(5);
			assertThat(json.read("$.duration_ms", Double.class)).isNotNegative();
		}
	}

	private static Optional<String> accessLine(CapturedOutput output) {
		return Arrays.stream(output.getOut().split("\n"))
			.filter((line) -> line.startsWith("{") && line.contains("uvi.access"))
			.findFirst();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(UviAutoConfiguration.class)
	static class App {

		@Bean
		AsgiApplication app() {
			return new HelloApplication();
		}
	}
}
