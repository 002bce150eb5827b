package dev.uvi.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.LifespanScope;
import dev.uvi.asgi.LifespanShutdownComplete;
import dev.uvi.asgi.LifespanShutdownFailed;
import dev.uvi.asgi.LifespanStartup;
import dev.uvi.asgi.LifespanStartupComplete;
import dev.uvi.asgi.LifespanStartupFailed;
import dev.uvi.asgi.Receive;
import dev.uvi.testing.RecordingSend;
import dev.uvi.testing.ScriptedReceive;
import dev.uvi.testing.TestScopes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RouterLifespanTests {

	@Test
	void withoutAHandlerStartupAndShutdownComplete() {
		RecordingSend send = run(Router.builder().build(), ScriptedReceive.lifespan(), TestScopes.lifespan());

		assertThat(send.messages()).containsExactly(new LifespanStartupComplete(), new LifespanShutdownComplete());
	}

	@Test
	void handlerRunsAtStartupAndShutdownWithTheLifespanState() {
		List<String> calls = new ArrayList<>();
		LifespanScope scope = TestScopes.lifespan();
		Router router = Router.builder().lifespan(new LifespanHandler() {
			@Override
			public CompletionStage<Void> startup(Map<String, Object> state) {
				calls.add("startup");
				state.put("started", true);
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public CompletionStage<Void> shutdown(Map<String, Object> state) {
				calls.add("shutdown with started=" + state.get("started"));
				return CompletableFuture.completedFuture(null);
			}
		}).build();

		RecordingSend send = run(router, ScriptedReceive.lifespan(), scope);

		assertThat(calls).containsExactly("startup", "shutdown with started=true");
		assertThat(scope.state()).containsEntry("started", true);
		assertThat(send.messages()).containsExactly(new LifespanStartupComplete(), new LifespanShutdownComplete());
	}

	@Test
	void startupCompleteWaitsForTheHandlersStage() {
		CompletableFuture<Void> opening = new CompletableFuture<>();
		Router router = Router.builder().lifespan((state) -> opening).build();
		RecordingSend send = RecordingSend.create();

		CompletionStage<Void> running = router.call(TestScopes.lifespan(), ScriptedReceive.lifespan(), send);

		assertThat(send.messages()).isEmpty();
		opening.complete(null);
		assertThat(running).succeedsWithin(Duration.ofSeconds(5));
		assertThat(send.messages()).containsExactly(new LifespanStartupComplete(), new LifespanShutdownComplete());
	}

	@Test
	void failedStartupIsReportedAndShutdownIsNotAwaited() {
		// uvicorn tests/test_lifespan.py::test_lifespan_with_failed_startup
		Router router = Router.builder()
			.lifespan((state) -> CompletableFuture.failedFuture(new IllegalStateException("database down")))
			.build();
		ScriptedReceive receive = ScriptedReceive.lifespan();

		RecordingSend send = run(router, receive, TestScopes.lifespan());

		assertThat(send.messages())
			.containsExactly(new LifespanStartupFailed("java.lang.IllegalStateException: database down"));
		assertThat(receive.receivedCount()).isEqualTo(1);
	}

	@Test
	void startupThatThrowsIsReportedLikeAFailedStage() {
		Router router = Router.builder().lifespan((state) -> {
			throw new IllegalArgumentException("bad config");
		}).build();

		RecordingSend send = run(router, ScriptedReceive.of(new LifespanStartup()), TestScopes.lifespan());

		assertThat(send.messages())
			.containsExactly(new LifespanStartupFailed("java.lang.IllegalArgumentException: bad config"));
	}

	@Test
	void failedShutdownIsReported() {
		// uvicorn tests/test_lifespan.py::test_lifespan_with_failed_shutdown
		Router router = Router.builder().lifespan(new LifespanHandler() {
			@Override
			public CompletionStage<Void> startup(Map<String, Object> state) {
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public CompletionStage<Void> shutdown(Map<String, Object> state) {
				return CompletableFuture.supplyAsync(() -> {
					throw new IllegalStateException("flush failed");
				});
			}
		}).build();

		RecordingSend send = run(router, ScriptedReceive.lifespan(), TestScopes.lifespan());

		assertThat(send.messages()).containsExactly(new LifespanStartupComplete(),
				new LifespanShutdownFailed("java.lang.IllegalStateException: flush failed"));
	}

	@Test
	void messagesThatArriveLaterAreAwaited() throws Exception {
		var executor = Executors.newSingleThreadScheduledExecutor();
		try {
			Receive receive = ScriptedReceive.lifespan()
				.completingOn((task) -> executor.schedule(task, 20, TimeUnit.MILLISECONDS));

			RecordingSend send = run(Router.builder().build(), receive, TestScopes.lifespan());

			assertThat(send.messages()).containsExactly(new LifespanStartupComplete(), new LifespanShutdownComplete());
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static RecordingSend run(Router router, Receive receive, LifespanScope scope) {
		RecordingSend send = RecordingSend.create();
		assertThat(router.call(scope, receive, send)).succeedsWithin(Duration.ofSeconds(5));
		return send;
	}
}
