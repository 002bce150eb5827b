package dev.uvi.internal.http;

import dev.uvi.asgi.InboundMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * The hand-over point of a pull-based receiver: at most one message waiting for the application, or
 * the application waiting for one, never more. Not thread-safe: the receivers call it under their
 * own lock, together with their demand bookkeeping.
 */
final class MessageSlot {

	private @Nullable CompletableFuture<InboundMessage> waiter;

	private @Nullable InboundMessage slot;

	/**
	 * @return the message at hand, a failure when a {@code receive()} is already pending, or null
	 *     when the caller has to wait (see {@link #await()})
	 */
	@Nullable CompletionStage<InboundMessage> takeReady() {
		if (this.waiter != null) {
			return CompletableFuture.failedFuture(
					new IllegalStateException("receive() called while a previous receive() is still pending"));
		}
		if (this.slot != null) {
			InboundMessage ready = this.slot;
			this.slot = null;
			return CompletableFuture.completedFuture(ready);
		}
		return null;
	}

	/** @return a stage the next {@link #offer} completes */
	CompletableFuture<InboundMessage> await() {
		CompletableFuture<InboundMessage> pending = new CompletableFuture<>();
		this.waiter = pending;
		return pending;
	}

	/** @return true while the application waits for a message */
	boolean isAwaited() {
		return this.waiter != null;
	}

	/**
	 * Keeps {@code message} for the next {@code receive()}, or hands it to the one waiting.
	 * @return the waiter to complete with it, outside the caller's lock, or null
	 */
	@Nullable CompletableFuture<InboundMessage> offer(InboundMessage message) {
		CompletableFuture<InboundMessage> pending = this.waiter;
		this.waiter = null;
		if (pending == null) {
			this.slot = message;
		}
		return pending;
	}

	/**
	 * Takes the waiter away, to be completed with a final message.
	 * @param dropReady whether a message not yet received is dropped too
	 */
	@Nullable CompletableFuture<InboundMessage> takeWaiter(boolean dropReady) {
		CompletableFuture<InboundMessage> pending = this.waiter;
		this.waiter = null;
		if (dropReady) {
			this.slot = null;
		}
		return pending;
	}
}
