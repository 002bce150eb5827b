package dev.uvi.sample;

import static dev.uvi.sample.InProcess.call;
import static dev.uvi.sample.InProcess.contextRunner;
import static dev.uvi.sample.InProcess.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.LifespanShutdownComplete;
import dev.uvi.asgi.LifespanStartupComplete;
import dev.uvi.server.Lifespan;
import dev.uvi.testing.RecordingSend;
import dev.uvi.testing.ScriptedReceive;
import dev.uvi.testing.TestScopes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** The sample's route table and its small routes, called in-process through the application bean. */
@ExtendWith(OutputCaptureExtension.class)
class SampleRoutingTests {

	@Test
	void theContextHasExactlyOneApplicationBean() {
		contextRunner.run((context) -> assertThat(context).hasSingleBean(AsgiApplication.class));
	}

	@Test
	void rootAnswersHelloWorldAsPlainText() {
		withApplication((app) -> {
			RecordingSend send = call(app, "GET", "/");

			assertThat(send.status()).isEqualTo(200);
			assertThat(send.headers())
				.isEqualTo(Headers.of("content-type", "text/plain; charset=utf-8", "content-length", "13"));
			assertThat(send.bodyText()).isEqualTo("Hello, world!");
		});
	}

	@Test
	void headOnRootIsRoutedLikeGet() {
		withApplication((app) -> assertThat(call(app, "HEAD", "/").headers().get("content-length")).isEqualTo("13"));
	}

	@Test
	void unknownPathIsNotFoundAndUnknownMethodIsNotAllowed() {
		withApplication((app) -> {
			assertThat(call(app, "GET", "/nope").bodyText()).isEqualTo("Not Found");
			RecordingSend send = call(app, "DELETE", "/");
			assertThat(send.status()).isEqualTo(405);
			assertThat(send.headers().get("allow")).isEqualTo("GET, HEAD");
			assertThat(call(app, "GET", "/echo").headers().get("allow")).isEqualTo("POST");
		});
	}

	@Test
	void scopeIsDescribedWithAsgiNames() {
		withApplication((app) -> {
			JsonNode scope = json(call(app, "GET", "/scope?a=1&b=two"));

			assertThat(scope.get("type").asString()).isEqualTo("http");
			assertThat(scope.get("http_version").asString()).isEqualTo("1.1");
			assertThat(scope.get("method").asString()).isEqualTo("GET");
			assertThat(scope.get("scheme").asString()).isEqualTo("http");
			assertThat(scope.get("path").asString()).isEqualTo("/scope");
			assertThat(scope.get("raw_path").asString()).isEqualTo("/scope");
			assertThat(scope.get("root_path").asString()).isEmpty();
			assertThat(scope.get("query_string").asString()).isEqualTo("a=1&b=two");
			assertThat(scope.get("headers").toString()).isEqualTo("[[\"host\",\"testserver\"]]");
			assertThat(scope.get("client").toString()).isEqualTo("[\"127.0.0.1\",50000]");
			assertThat(scope.get("server").toString()).isEqualTo("[\"127.0.0.1\",8000]");
		});
	}

	@Test
	void mountedV1SeesRootPathV1AndTheWholePath() {
		withApplication((app) -> {
			JsonNode scope = json(call(app, "GET", "/v1/scope"));

			assertThat(scope.get("root_path").asString()).isEqualTo("/v1");
			assertThat(scope.get("path").asString()).isEqualTo("/v1/scope");
		});
	}

	@Test
	void versionedItemsComeFromTheirMounts() {
		withApplication((app) -> {
			assertThat(call(app, "GET", "/v1/items").bodyText()).isEqualTo("[{\"version\":\"v1\"}]");
			assertThat(call(app, "GET", "/v2/items").bodyText())
				.isEqualTo("[{\"version\":\"v2\",\"new_field\":true}]");
			assertThat(call(app, "GET", "/v2/scope").status()).isEqualTo(404);
			assertThat(call(app, "GET", "/v3/items").status()).isEqualTo(404);
		});
	}

	@Test
	void theLifespanIsABeanTheStarterRunsNotPartOfTheRouter() {
		withApplication((app) -> {
			RecordingSend send = RecordingSend.create();
			assertThat(app.call(TestScopes.lifespan(), ScriptedReceive.lifespan(), send))
				.succeedsWithin(Duration.ofSeconds(5));

			assertThat(send.messages()).containsExactly(new LifespanStartupComplete(), new LifespanShutdownComplete());
		});
		contextRunner.run((context) -> assertThat(context).getBeans(Lifespan.class).containsOnlyKeys("sampleLifespan"));
	}

	@Test
	void lifespanStartupSetsTheStateThatStateShows(CapturedOutput output) {
		contextRunner.run((context) -> {
			Map<String, Object> state = InProcess.startup(context);
			HttpScope scope = InProcess.withState(TestScopes.http("GET", "/state"), state);

			RecordingSend send = call(context.getBean(AsgiApplication.class), scope, ScriptedReceive.body());

			assertThat(send.bodyText()).isEqualTo("{\"started\":true,\"startup_count\":1}");
			assertThat(output).contains("opened pretend resource");
		});
	}

	@Test
	void startupCountIsPerApplicationContext() {
		contextRunner.run((context) -> assertThat(InProcess.startup(context)).containsEntry("startup_count", 1));
		contextRunner.run((context) -> assertThat(InProcess.startup(context)).containsEntry("startup_count", 1));
	}

	@Test
	void lifespanShutdownClosesThePretendResource(CapturedOutput output) {
		contextRunner.run((context) -> {
			Lifespan lifespan = context.getBean(Lifespan.class);

			assertThat(lifespan.shutdown(InProcess.startup(context))).succeedsWithin(Duration.ofSeconds(5));
			assertThat(output).contains("closed pretend resource");
		});
	}

	@Test
	void failStartupPropertyMakesTheLifespanStartupFail() {
		contextRunner.withPropertyValues("sample.fail-startup=true").run((context) -> {
			Lifespan lifespan = context.getBean(Lifespan.class);

			assertThat(lifespan.startup(new HashMap<>())).failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(ExecutionException.class)
				.withMessageContaining("sample.fail-startup=true");
		});
	}

	@Test
	void liveIsAlwaysAlive() {
		withApplication((app) -> assertThat(call(app, "GET", "/health/live").bodyText())
			.isEqualTo("{\"status\":\"alive\"}"));
	}

	@Test
	void readyFollowsTheReadinessState() {
		contextRunner.run((context) -> {
			AsgiApplication app = context.getBean(AsgiApplication.class);
			RecordingSend starting = call(app, "GET", "/health/ready");
			assertThat(starting.status()).isEqualTo(503);
			assertThat(starting.bodyText()).isEqualTo("{\"status\":\"not ready\"}");

			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			RecordingSend ready = call(app, "GET", "/health/ready");
			assertThat(ready.status()).isEqualTo(200);
			assertThat(ready.bodyText()).isEqualTo("{\"status\":\"ready\"}");

			AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
			assertThat(call(app, "GET", "/health/ready").status()).isEqualTo(503);
		});
	}

	@Test
	void slowAnswersAfterTheWait() {
		withApplication((app) -> {
			long start = System.nanoTime();
			RecordingSend send = call(app, "GET", "/slow?ms=50");

			assertThat(send.bodyText()).isEqualTo("slept 50");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
		});
	}

	@Test
	void badQueryValuesAreTheClientsMistake() {
		withApplication((app) -> {
			RecordingSend send = call(app, "GET", "/slow?ms=soon");

			assertThat(send.status()).isEqualTo(400);
			assertThat(send.bodyText()).isEqualTo("ms: 'soon' (expected: an integer from 0 to 60000)");
			assertThat(call(app, "GET", "/download?size=-1").status()).isEqualTo(400);
			assertThat(call(app, "GET", "/stream?chunks=x").status()).isEqualTo(400);
		});
	}

	@Test
	void boomFailsBeforeStartingTheResponse() {
		withApplication((app) -> {
			RecordingSend send = RecordingSend.create();

			assertThat(app.call(TestScopes.http("GET", "/boom"), ScriptedReceive.body(), send))
				.failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(ExecutionException.class)
				.withRootCauseInstanceOf(IllegalStateException.class);
			assertThat(send.messages()).isEmpty();
		});
	}

	@Test
	void boomAfterStartFailsAfterAFirstChunk() {
		withApplication((app) -> {
			RecordingSend send = RecordingSend.create();

			assertThat(app.call(TestScopes.http("GET", "/boom-after-start"), ScriptedReceive.body(), send))
				.failsWithin(Duration.ofSeconds(5));
			assertThat(send.status()).isEqualTo(200);
			assertThat(send.headers().contains("content-length")).isFalse();
			assertThat(send.bodyMessages())
				.containsExactly(HttpResponseBody.chunk("partial".getBytes(StandardCharsets.UTF_8)));
		});
	}

	private static void withApplication(Consumer<AsgiApplication> test) {
		contextRunner.run((context) -> {
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			test.accept(context.getBean(AsgiApplication.class));
		});
	}
}
