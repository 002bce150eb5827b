package dev.uvi.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** {@code /health/live} and {@code /health/ready} while the application serves. */
@SampleAppTest
class HealthRoutesTests {

	@Value("${local.uvi.port}")
	int port;

	@Test
	void liveAnswersAlive() throws Exception {
		HttpResponse<String> response = Clients.get(this.port, "/health/live");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"status\":\"alive\"}");
	}

	@Test
	void readyAnswersReadyOnceTheApplicationIsReady() throws Exception {
		HttpResponse<String> response = Clients.get(this.port, "/health/ready");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"status\":\"ready\"}");
	}
}
