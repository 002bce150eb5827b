package dev.uvi.sample.http;

import dev.uvi.http.ClientDisconnectedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** A client that leaves mid-body is not an application error: nobody is left to answer, so just stop. */
final class Disconnects {

	private Disconnects() {
	}

	static CompletionStage<Void> ignored(CompletionStage<Void> stage) {
		return stage.exceptionallyCompose((failure) -> {
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			return (cause instanceof ClientDisconnectedException) ? CompletableFuture.completedFuture(null)
					: CompletableFuture.failedFuture(failure);
		});
	}
}
