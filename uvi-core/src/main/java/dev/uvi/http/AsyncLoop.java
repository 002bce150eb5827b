package dev.uvi.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs an asynchronous step again and again until it answers false, one step at a time. Steps that
 * complete at once (a send under the write watermark, a scripted receive) are looped over instead of
 * recursed into, so a body of a million chunks does not overflow the stack.
 */
final class AsyncLoop {

	private final Supplier<? extends CompletionStage<Boolean>> step;

	private final CompletableFuture<Void> done = new CompletableFuture<>();

	/** Counts requests to run a step; only the caller that raises it from 0 runs steps (a trampoline). */
	private final AtomicInteger pending = new AtomicInteger();

	private AsyncLoop(Supplier<? extends CompletionStage<Boolean>> step) {
		this.step = step;
	}

	/**
	 * @param step the next step; its stage completes with true to go on, false to stop
	 * @return a stage that completes after the last step, or fails with the first failure
	 */
	static CompletionStage<Void> repeat(Supplier<? extends CompletionStage<Boolean>> step) {
		AsyncLoop loop = new AsyncLoop(step);
		loop.next();
		return loop.done;
	}

	private void next() {
		if (this.pending.getAndIncrement() != 0) {
			return; // the thread already looping below runs it
		}
		do {
			CompletionStage<Boolean> stage;
			try {
				stage = this.step.get();
			}
			catch (RuntimeException ex) {
				this.done.completeExceptionally(ex);
				return;
			}
			stage.whenComplete((more, failure) -> {
				if (failure != null) {
					this.done.completeExceptionally(failure);
				}
				else if (Boolean.TRUE.equals(more)) {
					next();
				}
				else {
					this.done.complete(null);
				}
			});
		}
		while (this.pending.decrementAndGet() != 0);
	}
}
