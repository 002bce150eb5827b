package dev.uvi.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** {@code GET /state}: the server ran the lifespan startup once and hands its state to every request. */
@SampleAppTest
class LifespanStateTests {

	@Value("${local.uvi.port}")
	int port;

	@Test
	void stateShowsWhatTheLifespanStartupSet() throws Exception {
		JsonNode state = Clients.json(Clients.get(this.port, "/state").body());

		assertThat(state.get("started").asBoolean()).isTrue();
		assertThat(state.get("startup_count").asInt()).isEqualTo(1);
	}

	@Test
	void everyRequestSeesTheSameStartup() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(Clients.get(this.port, "/state").body()).contains("\"startup_count\":1");
		}
	}
}
