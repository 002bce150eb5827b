package dev.uvi.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The sample behind a proxy that strips {@code /api} ({@code uvi.root-path=/api}): every scope carries
 * the root path inside {@code path}, as uvicorn does, and the router still finds its routes.
 */
@SampleAppTest
@TestPropertySource(properties = "uvi.root-path=/api")
class RootPathTests {

	@Value("${local.uvi.port}")
	int port;

	@Test
	void scopeCarriesTheRootPathInsideThePath() throws Exception {
		// uvicorn tests/test_main.py::test_root_path (root_path prepended to path since ASGI HTTP 2.3)
		JsonNode scope = Clients.json(Clients.get(this.port, "/scope").body());

		assertThat(scope.get("root_path").asString()).isEqualTo("/api");
		assertThat(scope.get("path").asString()).isEqualTo("/api/scope");
	}

	@Test
	void mountsAddTheirPrefixToTheServersRootPath() throws Exception {
		JsonNode scope = Clients.json(Clients.get(this.port, "/v1/scope").body());

		assertThat(scope.get("root_path").asString()).isEqualTo("/api/v1");
		assertThat(scope.get("path").asString()).isEqualTo("/api/v1/scope");
	}

	@Test
	void routesAnswerAsWithoutARootPath() throws Exception {
		assertThat(Clients.get(this.port, "/").body()).isEqualTo("Hello, world!");
		assertThat(Clients.get(this.port, "/v2/items").body()).contains("\"v2\"");
		assertThat(Clients.get(this.port, "/nope").statusCode()).isEqualTo(404);
	}
}
