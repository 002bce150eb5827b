package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.LifespanScope;
import dev.uvi.asgi.LifespanShutdownComplete;
import dev.uvi.asgi.LifespanStartupComplete;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.TestApps;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LifespanHookTests {

	private final List<String> events = new CopyOnWriteArrayList<>();

	private Lifespan hook(String name, boolean failStartup) {
		return new Lifespan() {

			@Override
			public CompletionStage<Void> startup(Map<String, Object> state) {
				if (failStartup) {
					return CompletableFuture.failedFuture(new IllegalStateException("no database"));
				}
				LifespanHookTests.this.events.add(name + " startup");
				state.put(name, "ready");
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public CompletionStage<Void> shutdown(Map<String, Object> state) {
				LifespanHookTests.this.events.add(name + " shutdown");
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public String name() {
				return name;
			}
		};
	}

	private final AsgiApplication app = (scope, receive, send) -> {
		if (scope instanceof LifespanScope) {
			return receive.receive()
				.thenCompose((m) -> {
					this.events.add("app startup");
					return send.send(new LifespanStartupComplete());
				})
				.thenCompose((v) -> receive.receive())
				.thenCompose((m) -> {
					this.events.add("app shutdown");
					return send.send(new LifespanShutdownComplete());
				});
		}
		return TestApps.sendText(send, 200, String.valueOf(((HttpScope) scope).state().get("pool")));
	};

	private static UviConfig config() {
		return UviConfig.builder().port(0).workers(1).build();
	}

	@Test
	void hooksWrapTheApplicationsLifespanAndShareItsState() throws Exception {
		UviServer server = UviServer.create(config(), this.app, List.of(hook("pool", false), hook("cache", false)))
			.start();
		try (RawHttpClient client = RawHttpClient.connect(server.port())) {
			assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().bodyText()).isEqualTo("ready");
		}
		server.shutdown(Duration.ofSeconds(5));
		assertThat(this.events).containsExactly("pool startup", "cache startup", "app startup", "app shutdown",
				"cache shutdown", "pool shutdown");
	}

	@Test
	void failingHookStopsTheStartNamingItAndShutsDownTheOnesThatStarted() {
		UviServer server = UviServer.create(config(), this.app, List.of(hook("pool", false), hook("broken", true)));
		assertThatExceptionOfType(LifespanStartupException.class).isThrownBy(server::start)
			.withMessage("Lifespan 'broken' failed to start: no database");
		assertThat(this.events).containsExactly("pool startup", "pool shutdown");
	}

	@Test
	void startupThatNeverCompletesFailsAfterTheLifespanStartupTimeout() {
		AsgiApplication stuck = (scope, receive, send) -> new CompletableFuture<>();
		UviServer server = UviServer.create(config().toBuilder().timeoutLifespanStartup(Duration.ofMillis(200)).build(),
				stuck);
		assertThatExceptionOfType(LifespanStartupException.class).isThrownBy(server::start)
			.withMessageContaining("did not complete within PT0.2S");
	}
}
