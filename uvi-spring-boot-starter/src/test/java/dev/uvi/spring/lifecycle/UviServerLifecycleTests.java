package dev.uvi.spring.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.server.UviConfig;
import dev.uvi.spring.autoconfigure.UviAutoConfiguration;
import dev.uvi.spring.testing.HelloApplication;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.StandardEnvironment;

class UviServerLifecycleTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UviAutoConfiguration.class))
		.withPropertyValues("uvi.port=0", "uvi.lifespan=off")
		.withBean("hello", AsgiApplication.class, HelloApplication::new)
		.withBean(EventRecorder.class, EventRecorder::new);

	@Test
	void servesOnThePublishedPortUntilTheContextClosesThenReleasesIt() throws Exception {
		this.runner.run((context) -> {
			Integer port = context.getEnvironment().getProperty(UviServerLifecycle.PORT_PROPERTY, Integer.class);
			assertThat(port).isNotNull().isPositive();
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("hello");

			EventRecorder events = context.getBean(EventRecorder.class);
			assertThat(events.readiness).isEmpty();

			context.close();

			assertThat(events.readiness).containsExactly(ReadinessState.REFUSING_TRAFFIC);
			assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> new Socket("127.0.0.1", port).close());
		});
	}

	@Test
	void publishesTheBoundPortAsAnEventAndOnlyAsLocalUviPort() {
		this.runner.run((context) -> {
			List<UviServerStartedEvent> started = context.getBean(EventRecorder.class).started;
			assertThat(started).hasSize(1);
			assertThat(context.getEnvironment().getProperty("local.uvi.port", Integer.class))
				.isEqualTo(started.get(0).port());
			assertThat(started.get(0).config().port()).isZero();
			assertThat(context.getEnvironment().containsProperty("local.server.port")).isFalse();
			assertThat(context.getEnvironment().getPropertySources().iterator().next().getName())
				.isEqualTo("uvi.ports");
		});
	}

	@Test
	void readinessRefusesTrafficBeforeTheServerStops() {
		AtomicBoolean runningWhenRefused = new AtomicBoolean();
		this.runner.run((context) -> {
			UviServerLifecycle lifecycle = context.getBean(UviServerLifecycle.class);
			context.getBean(EventRecorder.class).onReadiness = () -> runningWhenRefused.set(lifecycle.isRunning());
			context.close();
			assertThat(runningWhenRefused).isTrue();
			assertThat(lifecycle.isRunning()).isFalse();
		});
	}

	@Test
	void keepsTheJvmAliveWithANonDaemonThreadUntilTheServerStops() {
		this.runner.run((context) -> {
			assertThat(threadsNamed("uvi-server")).isNotEmpty().noneMatch(Thread::isDaemon);
			context.close();
			await().atMost(Duration.ofSeconds(10)).until(() -> threadsNamed("uvi-server").isEmpty());
		});
	}

	@Test
	void startsBeforeAndStopsAfterDefaultPhaseBeansAndIsNeverPaused() {
		UviServerLifecycle lifecycle = unstartedLifecycle();
		assertThat(lifecycle.getPhase()).isEqualTo(SmartLifecycle.DEFAULT_PHASE - 2048)
			.isLessThan(SmartLifecycle.DEFAULT_PHASE);
		assertThat(lifecycle.isPauseable()).isFalse();
		assertThat(lifecycle.isAutoStartup()).isTrue();
	}

	@Test
	void stopWithoutCallbackIsRefusedBecauseStoppingIsAsynchronous() {
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(unstartedLifecycle()::stop);
	}

	@Test
	void stopBeforeStartRunsTheCallbackAtOnce() {
		AtomicBoolean called = new AtomicBoolean();
		UviServerLifecycle lifecycle = unstartedLifecycle();
		lifecycle.stop(() -> called.set(true));
		assertThat(called).isTrue();
		assertThat(lifecycle.isRunning()).isFalse();
		assertThat(lifecycle.config()).isNull();
	}

	private static UviServerLifecycle unstartedLifecycle() {
		return new UviServerLifecycle(UviConfig::defaults, java.util.List::of, new HelloApplication(),
				new StandardEnvironment(),
				(event) -> {
				});
	}

	private static List<Thread> threadsNamed(String name) {
		return Thread.getAllStackTraces().keySet().stream().filter((thread) -> thread.getName().equals(name)).toList();
	}

	/** Records what the context publishes. */
	static final class EventRecorder implements ApplicationListener<ApplicationEvent> {

		final List<ReadinessState> readiness = new CopyOnWriteArrayList<>();

		final List<UviServerStartedEvent> started = new CopyOnWriteArrayList<>();

		volatile Runnable onReadiness = () -> {
		};

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof AvailabilityChangeEvent<?> change && change.getState() instanceof ReadinessState state) {
				this.onReadiness.run();
				this.readiness.add(state);
			}
			else if (event instanceof UviServerStartedEvent startedEvent) {
				this.started.add(startedEvent);
			}
		}
	}
}
