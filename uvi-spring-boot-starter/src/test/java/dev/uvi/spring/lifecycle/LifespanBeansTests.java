package dev.uvi.spring.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.server.Lifespan;
import dev.uvi.server.LifespanStartupException;
import dev.uvi.spring.autoconfigure.UviAutoConfiguration;
import dev.uvi.spring.testing.HelloApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.Order;

class LifespanBeansTests {

	private static final List<String> events = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UviAutoConfiguration.class))
		.withPropertyValues("uvi.port=0", "uvi.lifespan=off")
		.withBean("hello", AsgiApplication.class, HelloApplication::new);

	@Test
	void lifespanBeansRunInOrderAtStartupAndInReverseAtShutdown() {
		events.clear();
		this.runner.withBean("second", Second.class).withBean("first", First.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(events).containsExactly("first startup", "second startup");
		});
		assertThat(events).containsExactly("first startup", "second startup", "second shutdown", "first shutdown");
	}

	@Test
	void failingLifespanBeanFailsStartupNamingTheBeanWithExitCode3() {
		events.clear();
		this.runner.withBean("first", First.class).withBean("database", Failing.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(IllegalStateException.class);
			UviStartupException failure = findStartupException(context.getStartupFailure());
			assertThat(failure.getExitCode()).isEqualTo(3);
			assertThat(failure).hasCauseInstanceOf(LifespanStartupException.class)
				.hasMessage("Lifespan 'database' failed to start: unreachable");
		});
		assertThat(events).containsExactly("first startup", "first shutdown");
	}

	@Test
	void stateSetByALifespanBeanReachesEveryRequest() {
		AsgiApplication showsState = (scope, receive, send) -> dev.uvi.testing.TestApps.sendText(send, 200,
				String.valueOf(scope.state().get("first")));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(UviAutoConfiguration.class))
			.withPropertyValues("uvi.port=0", "uvi.lifespan=off")
			.withBean("app", AsgiApplication.class, () -> showsState)
			.withBean("first", First.class)
			.run((context) -> {
				int port = context.getEnvironment().getProperty("local.uvi.port", Integer.class);
				HttpResponse<String> response = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
							HttpResponse.BodyHandlers.ofString());
				assertThat(response.body()).isEqualTo("set by first");
			});
	}

	private static UviStartupException findStartupException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UviStartupException startup) {
				return startup;
			}
		}
		throw new AssertionError("no UviStartupException in " + failure);
	}

	@Order(1)
	static class First implements Lifespan {

		@Override
		public CompletionStage<Void> startup(Map<String, Object> state) {
			events.add("first startup");
			state.put("first", "set by first");
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public CompletionStage<Void> shutdown(Map<String, Object> state) {
			events.add("first shutdown");
			return CompletableFuture.completedFuture(null);
		}
	}

	@Order(2)
	static class Second implements Lifespan {

		@Override
		public CompletionStage<Void> startup(Map<String, Object> state) {
			events.add("second startup");
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public CompletionStage<Void> shutdown(Map<String, Object> state) {
			events.add("second shutdown");
			return CompletableFuture.completedFuture(null);
		}
	}

	@Order(3)
	static class Failing implements Lifespan {

		@Override
		public CompletionStage<Void> startup(Map<String, Object> state) {
			return CompletableFuture.failedFuture(new IllegalStateException("unreachable"));
		}

		@Override
		public CompletionStage<Void> shutdown(Map<String, Object> state) {
			events.add("failing shutdown");
			return CompletableFuture.completedFuture(null);
		}
	}
}
