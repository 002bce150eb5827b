package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.LifespanScope;
import dev.uvi.asgi.LifespanShutdown;
import dev.uvi.asgi.LifespanShutdownComplete;
import dev.uvi.asgi.LifespanStartup;
import dev.uvi.asgi.LifespanStartupComplete;
import dev.uvi.asgi.LifespanStartupFailed;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// uvicorn tests/test_lifespan.py
class LifespanTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	private final List<String> events = new ArrayList<>();

	/** Sets state at startup; each request rebinds "a" and appends to "b", as uvicorn's test_lifespan_state. */
	private final AsgiApplication stateful = (scope, receive, send) -> {
		if (scope instanceof LifespanScope lifespan) {
			return receive.receive().thenCompose((startup) -> {
				assertThat(startup).isInstanceOf(LifespanStartup.class);
				lifespan.state().put("a", 123);
				lifespan.state().put("b", new ArrayList<>(List.of(1)));
				this.events.add("startup");
				return send.send(new LifespanStartupComplete());
			}).thenCompose((v) -> receive.receive()).thenCompose((shutdown) -> {
				assertThat(shutdown).isInstanceOf(LifespanShutdown.class);
				this.events.add("shutdown");
				return send.send(new LifespanShutdownComplete());
			});
		}
		Map<String, Object> state = ((HttpScope) scope).state();
		String seen = state.get("a") + " " + state.get("b");
		state.put("a", 456);
		@SuppressWarnings("unchecked")
		List<Integer> b = (List<Integer>) state.get("b");
		b.add(2);
		return TestApps.sendText(send, 200, seen);
	};

	@Test
	// uvicorn tests/protocols/test_http.py::test_lifespan_state
	void lifespanStateIsShallowCopiedIntoEveryRequest() throws Exception {
		int port = this.fixture.start(this.stateful);
		assertThat(this.events).containsExactly("startup");
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().bodyText()).isEqualTo("123 [1]");
			assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().bodyText())
				.isEqualTo("123 [1, 2]");
		}
		this.fixture.server().shutdown(java.time.Duration.ofSeconds(5));
		assertThat(this.events).containsExactly("startup", "shutdown");
	}

	@Test
	void startupFailedStopsTheServerFromStarting() {
		AsgiApplication failing = (scope, receive, send) -> receive.receive()
			.thenCompose((m) -> send.send(new LifespanStartupFailed("database unreachable")));
		assertThatExceptionOfType(LifespanStartupException.class).isThrownBy(() -> this.fixture.start(failing))
			.withMessage("database unreachable");
	}

	@Test
	void autoModeServesAnApplicationWithoutLifespanSupport() throws Exception {
		int port = this.fixture.start(TestApps.text("served"), (b) -> b.lifespan(LifespanMode.AUTO));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().bodyText()).isEqualTo("served");
		}
	}

	@Test
	void onModeTreatsAnErrorOnTheLifespanScopeAsAStartupFailure() {
		assertThatExceptionOfType(LifespanStartupException.class)
			.isThrownBy(() -> this.fixture.start(TestApps.text("never"), (b) -> b.lifespan(LifespanMode.ON)));
	}

	@Test
	void offModeNeverCallsTheApplicationWithALifespanScope() throws Exception {
		List<String> types = new ArrayList<>();
		this.fixture.start((scope, receive, send) -> {
			types.add(scope.type());
			return CompletableFuture.completedFuture(null);
		}, (b) -> b.lifespan(LifespanMode.OFF));
		assertThat(types).isEmpty();
	}
}
