package dev.uvi.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.routing.Router;
import dev.uvi.spring.autoconfigure.InvalidUviPropertyException;
import dev.uvi.spring.autoconfigure.UviAutoConfiguration;
import dev.uvi.spring.testing.HelloApplication;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.RawHttpClient.Response;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With Boot's own metrics and observation auto-configuration, as an application without actuator has them. */
class PrometheusRouteTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				PrometheusMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				UviAutoConfiguration.class, UviMetricsAutoConfiguration.class))
		.withPropertyValues("uvi.port=0", "uvi.lifespan=off")
		.withBean("app", AsgiApplication.class, () -> Router.builder().get("/", new HelloApplication()).build());

	@Test
	void bootsRegistriesRecordRequestsAndThePathAnswersTheScrape() {
		this.runner.withPropertyValues("uvi.metrics.prometheus-path=/metrics").run((context) -> {
			assertThat(context).hasNotFailed();
			try (RawHttpClient client = RawHttpClient.connect(UviMetricsAutoConfigurationTests.port(context))) {
				assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().bodyText()).isEqualTo("hello");
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(5)).until(() -> meters.find("http.server.requests").timer() != null);
				Response scrape = client.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
				assertThat(scrape.status()).isEqualTo(200);
				assertThat(scrape.header("content-type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
				assertThat(scrape.bodyText()).contains("# HELP http_server_requests_seconds", "# TYPE uvi_connections_active gauge")
					.containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/\"[^}]*\\} 1");
			}
		});
	}

	@Test
	void withoutThePropertyThePathIsTheApplications() {
		this.runner.run((context) -> {
			try (RawHttpClient client = RawHttpClient.connect(UviMetricsAutoConfigurationTests.port(context))) {
				assertThat(client.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(404);
			}
		});
	}

	@Test
	void pathWithoutLeadingSlashFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("uvi.metrics.prometheus-path=metrics").run((context) -> assertThat(context)
			.hasFailed().getFailure().rootCause().isInstanceOf(InvalidUviPropertyException.class)
			.hasMessage("uvi.metrics.prometheus-path: 'metrics' (expected: a path starting with '/', e.g. /metrics)"));
	}
}
