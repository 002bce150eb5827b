package dev.uvi.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.Receive;
import dev.uvi.server.Lifespan;
import dev.uvi.testing.RecordingSend;
import dev.uvi.testing.ScriptedReceive;
import dev.uvi.testing.TestScopes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the sample's application bean in-process, Starlette {@code TestClient} style: no server, no sockets. */
final class InProcess {

	static final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class))
		.withUserConfiguration(SampleAppConfiguration.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private InProcess() {
	}

	/** @return what the application sent for a request without body */
	static RecordingSend call(AsgiApplication application, String method, String target) {
		return call(application, TestScopes.http(method, target), ScriptedReceive.body());
	}

	/** @return what the application sent; its stage must succeed */
	static RecordingSend call(AsgiApplication application, HttpScope scope, Receive receive) {
		RecordingSend send = RecordingSend.create();
		assertThat(application.call(scope, receive, send)).succeedsWithin(Duration.ofSeconds(10));
		return send;
	}

	/** Runs the context's lifespan bean's startup only and returns its state, as the starter would before serving. */
	static Map<String, Object> startup(ApplicationContext context) {
		Map<String, Object> state = new HashMap<>();
		assertThat(context.getBean(Lifespan.class).startup(state)).succeedsWithin(Duration.ofSeconds(5));
		return state;
	}

	/** @return a scope like {@code TestScopes.http} carrying a shallow copy of {@code state} */
	static HttpScope withState(HttpScope scope, Map<String, Object> state) {
		return new HttpScope(scope.httpVersion(), scope.method(), scope.scheme(), scope.path(), scope.rawPath(),
				scope.queryString(), scope.rootPath(), scope.headers(), scope.client(), scope.server(),
				new HashMap<>(state), scope.extensions());
	}

	static JsonNode json(RecordingSend send) {
		assertThat(send.headers().get("content-type")).isEqualTo("application/json");
		return json.readTree(send.body());
	}
}
