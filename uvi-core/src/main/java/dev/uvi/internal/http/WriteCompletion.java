package dev.uvi.internal.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

/**
 * When a {@code send()} may complete. A chunk written to the channel: at once while the channel is
 * writable (its outbound buffer is under Netty's high watermark), else when the write reached the
 * socket; this is uvicorn's pause/resume writing, and it bounds what a fast application can queue for
 * a slow client. A head or a one-body response sent through reactor-netty: when that send completes,
 * which on the event loop is before it returns. Failed writes complete too: the connection's close
 * tells the cycle the client has gone.
 */
final class WriteCompletion {

	/**
	 * The one completed stage every server-side {@code send()} that need not wait returns. A minimal
	 * stage: an application that turns it into a future gets its own copy, so nobody can complete or
	 * obtrude the shared one.
	 */
	static final CompletionStage<Void> DONE = CompletableFuture.completedStage(null);

	private WriteCompletion() {
	}

	static CompletionStage<Void> of(ChannelFuture write, Channel channel) {
		if (write.isDone() || channel.isWritable()) {
			return DONE;
		}
		CompletableFuture<Void> written = new CompletableFuture<>();
		write.addListener((future) -> written.complete(null));
		return written;
	}

	/** Subscribes to {@code send}; a future only when it is not done by the time {@code subscribe} returns. */
	static CompletionStage<Void> of(Publisher<Void> send) {
		Outcome outcome = new Outcome();
		send.subscribe(outcome);
		return outcome.stage();
	}

	/** Waits for a reactive send without a lambda subscriber, three lambdas and a future per response. */
	private static final class Outcome implements CoreSubscriber<Void> {

		private boolean done;

		private @Nullable CompletableFuture<Void> waiting;

		@Override
		public void onSubscribe(Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(Void ignored) {
		}

		@Override
		public void onError(Throwable error) {
			onComplete();
		}

		@Override
		public void onComplete() {
			CompletableFuture<Void> future;
			synchronized (this) {
				this.done = true;
				future = this.waiting;
			}
			if (future != null) {
				future.complete(null);
			}
		}

		synchronized CompletionStage<Void> stage() {
			if (this.done) {
				return DONE;
			}
			CompletableFuture<Void> future = new CompletableFuture<>();
			this.waiting = future;
			return future;
		}
	}
}
