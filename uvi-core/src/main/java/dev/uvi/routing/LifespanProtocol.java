package dev.uvi.routing;

import dev.uvi.asgi.LifespanScope;
import dev.uvi.asgi.LifespanShutdown;
import dev.uvi.asgi.LifespanShutdownComplete;
import dev.uvi.asgi.LifespanShutdownFailed;
import dev.uvi.asgi.LifespanStartup;
import dev.uvi.asgi.LifespanStartupComplete;
import dev.uvi.asgi.LifespanStartupFailed;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Send;
import dev.uvi.internal.StageFailure;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The application side of the ASGI lifespan protocol around a {@link LifespanHandler}: answer
 * {@code lifespan.startup} with complete or failed, then {@code lifespan.shutdown} likewise. A failure
 * is reported in the message and the stage completes normally, so the server logs it once (uvicorn
 * does not log again after a {@code .failed} message). Model: Starlette's {@code Router.lifespan}.
 */
final class LifespanProtocol {

	private static final LifespanHandler NONE = (state) -> CompletableFuture.completedFuture(null);

	private LifespanProtocol() {
	}

	static CompletionStage<Void> run(@Nullable LifespanHandler handler, LifespanScope scope, Receive receive,
			Send send) {
		LifespanHandler lifespan = (handler != null) ? handler : NONE;
		return receive.receive().thenCompose((message) -> {
			if (message instanceof LifespanStartup) {
				return attempt(() -> lifespan.startup(scope.state())).thenCompose((failure) -> (failure == null)
						? send.send(new LifespanStartupComplete())
							.thenCompose((sent) -> run(lifespan, scope, receive, send))
						: send.send(new LifespanStartupFailed(failure)));
			}
			if (message instanceof LifespanShutdown) {
				return attempt(() -> lifespan.shutdown(scope.state())).thenCompose((failure) -> send.send(
						(failure == null) ? new LifespanShutdownComplete() : new LifespanShutdownFailed(failure)));
			}
			return CompletableFuture.failedFuture(new IllegalStateException(
					"receive: " + message.type() + " (expected: lifespan.startup or lifespan.shutdown)"));
		});
	}

	/** @return a stage with null when the action succeeded, else a description of its failure */
	private static CompletionStage<@Nullable String> attempt(Supplier<CompletionStage<Void>> action) {
		CompletionStage<Void> stage;
		try {
			stage = action.get();
		}
		catch (RuntimeException ex) {
			return CompletableFuture.completedFuture(describe(ex));
		}
		return stage.handle((ignored, failure) -> (failure != null) ? describe(failure) : null);
	}

	private static String describe(Throwable failure) {
		return StageFailure.cause(failure).toString();
	}
}
