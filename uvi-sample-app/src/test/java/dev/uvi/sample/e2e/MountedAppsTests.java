package dev.uvi.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** The sub-applications mounted at {@code /v1} and {@code /v2}. */
@SampleAppTest
class MountedAppsTests {

	@Value("${local.uvi.port}")
	int port;

	@Test
	void v1ItemsComeFromTheV1App() throws Exception {
		HttpResponse<String> response = Clients.get(this.port, "/v1/items");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo("[{\"version\":\"v1\"}]");
	}

	@Test
	void v2ItemsComeFromTheV2App() throws Exception {
		assertThat(Clients.get(this.port, "/v2/items").body()).isEqualTo("[{\"version\":\"v2\",\"new_field\":true}]");
	}

	@Test
	void theV1AppSeesRootPathV1AndTheWholePath() throws Exception {
		JsonNode scope = Clients.json(Clients.get(this.port, "/v1/scope?q=1").body());

		assertThat(scope.get("root_path").asString()).isEqualTo("/v1");
		assertThat(scope.get("path").asString()).isEqualTo("/v1/scope");
		assertThat(scope.get("raw_path").asString()).isEqualTo("/v1/scope");
		assertThat(scope.get("query_string").asString()).isEqualTo("q=1");
	}

	@Test
	void pathsOutsideTheMountsRoutesAreNotFound() throws Exception {
		assertThat(Clients.get(this.port, "/v2/scope").statusCode()).isEqualTo(404);
		assertThat(Clients.get(this.port, "/v10/items").statusCode()).isEqualTo(404);
		assertThat(Clients.get(this.port, "/v1").statusCode()).isEqualTo(404);
	}
}
