package dev.uvi.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The failure an application's {@code CompletionStage} really ended with: stages wrap it in
 * {@link CompletionException} (and {@code get()} in {@link ExecutionException}), which would
 * otherwise be what the logs and failure messages show.
 */
public final class StageFailure {

	private StageFailure() {
	}

	/** @return {@code failure} without its completion wrappers */
	public static Throwable cause(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}
}
