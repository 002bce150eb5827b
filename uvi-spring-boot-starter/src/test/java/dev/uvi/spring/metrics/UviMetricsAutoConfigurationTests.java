package dev.uvi.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.routing.Router;
import dev.uvi.spring.autoconfigure.UviAutoConfiguration;
import dev.uvi.spring.lifecycle.UviServerLifecycle;
import dev.uvi.spring.testing.HelloApplication;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.WebSocketApps;
import dev.uvi.testing.WebSocketClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class UviMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UviAutoConfiguration.class, UviMetricsAutoConfiguration.class))
		.withPropertyValues("uvi.port=0", "uvi.lifespan=off")
		.withBean("app", AsgiApplication.class, () -> Router.builder()
			.get("/hello", new HelloApplication())
			.mount("/v1", Router.builder().get("/items", new HelloApplication()).build())
			.websocket("/ws", WebSocketApps.echo(new CompletableFuture<>()))
			.build());

	private final ApplicationContextRunner withRegistries = this.runner
		.withConfiguration(UserConfigurations.of(Registries.class));

	@Test
	void requestsAreTimedUnderSpringsNameAndKeysWithTheRouteTemplate() {
		this.withRegistries.run((context) -> {
			int port = port(context);
			try (RawHttpClient client = RawHttpClient.connect(port)) {
				client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
				client.send("GET /v1/items?page=2 HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
				client.send("GET /v1/items/42 HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
				client.send("POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").readResponse();
			}
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
					meters.find("http.server.requests").timers().stream().mapToLong(Timer::count).sum()).isEqualTo(4));
			assertThat(timer(meters, "/hello", "200").getId().getTags()).extracting("key", "value")
				.contains(org.assertj.core.groups.Tuple.tuple("method", "GET"),
						org.assertj.core.groups.Tuple.tuple("outcome", "SUCCESS"),
						org.assertj.core.groups.Tuple.tuple("exception", "none"));
			assertThat(timer(meters, "/v1/items", "200").count()).isEqualTo(1);
			assertThat(timer(meters, "NOT_FOUND", "404").getId().getTag("outcome")).isEqualTo("CLIENT_ERROR");
			assertThat(timer(meters, "/hello", "405").getId().getTag("method")).isEqualTo("POST");
			assertThat(meters.find("http.server.requests").timers()).noneMatch(
					(timer) -> timer.getId().getTag("uri").contains("42") || timer.getId().getTag("uri").contains("?"));
			assertThat(meters.get("http.server.requests.active").longTaskTimer().activeTasks()).isZero();
		});
	}

	@Test
	void connectionGaugeCountsOpenConnectionsAndReturnsToZero() {
		this.withRegistries.run((context) -> {
			int port = port(context);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			try (RawHttpClient first = RawHttpClient.connect(port); RawHttpClient second = RawHttpClient.connect(port)) {
				first.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
				second.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
				assertThat(meters.get("uvi.connections.active").gauge().value()).isEqualTo(2);
			}
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(meters.get("uvi.connections.active").gauge().value()).isZero());
			assertThat(meters.get("uvi.connections").counter().count()).isEqualTo(2);
		});
	}

	@Test
	void bodySizesAreSummarized() {
		this.withRegistries.run((context) -> {
			try (RawHttpClient client = RawHttpClient.connect(port(context))) {
				client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			}
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(
					() -> assertThat(meters.get("uvi.http.response.bytes").summary().totalAmount()).isEqualTo(5));
			assertThat(meters.get("uvi.http.request.bytes").summary().count()).isEqualTo(1);
		});
	}

	@Test
	void webSocketSessionsAndMessagesAreCounted() {
		this.withRegistries.run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			WebSocketClient client = WebSocketClient.open(port(context), "/ws");
			client.socket().sendText("ping", true).join();
			assertThat(client.next()).isEqualTo("text:ping");
			assertThat(meters.get("uvi.websocket.sessions.active").gauge().value()).isEqualTo(1);
			client.socket().sendClose(1000, "").join();
			client.closeCode();
			await().atMost(Duration.ofSeconds(5)).untilAsserted(
					() -> assertThat(meters.get("uvi.websocket.sessions.active").gauge().value()).isZero());
			assertThat(meters.get("uvi.websocket.messages").tag("direction", "received").counter().count()).isEqualTo(1);
			assertThat(meters.get("uvi.websocket.messages").tag("direction", "sent").counter().count()).isEqualTo(1);
		});
	}

	@Test
	void refusalsUnderLimitConcurrencyAreCountedByReason() {
		this.withRegistries.withPropertyValues("uvi.limit-concurrency=1").run((context) -> {
			int port = port(context);
			try (RawHttpClient first = RawHttpClient.connect(port)) {
				assertThat(first.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(200);
				try (RawHttpClient second = RawHttpClient.connect(port)) {
					assertThat(second.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status())
						.isEqualTo(503);
				}
			}
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("uvi.requests.rejected").tag("reason", "concurrency").counter().count()).isEqualTo(1);
		});
	}

	@Test
	void withoutObservationRegistryAPrivateOneStillFeedsTheMeters() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			try (RawHttpClient client = RawHttpClient.connect(port(context))) {
				client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			}
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(timer(meters, "/hello", "200").count())
				.isEqualTo(1));
		});
	}

	@Test
	void withoutMeterRegistryBeanNothingIsRecorded() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerServerListener.class));
	}

	@Test
	void metricsCanBeTurnedOff() {
		this.withRegistries.withPropertyValues("uvi.metrics.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerServerListener.class));
	}

	@Test
	void withoutMicrometerOnTheClasspathTheServerRunsAsBefore() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class, ObservationRegistry.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerServerListener.class);
				assertThat(context.getBean(UviServerLifecycle.class).isRunning()).isTrue();
				try (RawHttpClient client = RawHttpClient.connect(port(context))) {
					assertThat(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().bodyText())
						.isEqualTo("hello");
				}
			});
	}

	private static Timer timer(MeterRegistry meters, String uri, String status) {
		return meters.get("http.server.requests").tag("uri", uri).tag("status", status).timer();
	}

	static int port(AssertableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty(UviServerLifecycle.PORT_PROPERTY, Integer.class);
	}

	/** What Boot's metrics and observation modules set up: a meter registry and an observation registry feeding it. */
	@Configuration(proxyBeanMethods = false)
	static class Registries {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry(MeterRegistry meters) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
			return registry;
		}
	}
}
