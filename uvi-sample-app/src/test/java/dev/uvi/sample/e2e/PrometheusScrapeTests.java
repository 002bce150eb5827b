package dev.uvi.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** {@code GET /metrics}: the Prometheus text format, with requests tagged by route template. */
@SampleAppTest
class PrometheusScrapeTests {

	@Value("${local.uvi.port}")
	int port;

	@Test
	void metricsAnswersThePrometheusTextFormat() throws Exception {
		assertThat(Clients.get(this.port, "/").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			HttpResponse<String> scrape = Clients.get(this.port, "/metrics");
			assertThat(scrape.statusCode()).isEqualTo(200);
			assertThat(scrape.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
			assertThat(scrape.body()).contains("# HELP http_server_requests_seconds", "# TYPE http_server_requests_seconds summary",
					"# TYPE uvi_connections_active gauge")
				.containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*uri=\"/\"[^}]*\\} \\d+");
		});
	}

	@Test
	void pathParametersNeverBecomeTags() throws Exception {
		Clients.get(this.port, "/no/such/route/12345");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Clients.get(this.port, "/metrics").body())
			.contains("uri=\"NOT_FOUND\"")
			.doesNotContain("12345"));
	}
}
