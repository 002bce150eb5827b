package dev.uvi.internal.http;

import dev.uvi.asgi.HttpDisconnect;
import dev.uvi.asgi.HttpRequest;
import dev.uvi.asgi.InboundMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The {@code receive()} side of one request: pulls the body one chunk per call with a demand of one
 * and a one-slot buffer, so the server reads no faster than the application (reactor-netty turns
 * reading off while there is no demand, and TCP stops the client). Bytes are copied out inside
 * {@code onNext}, because reactor-netty releases the buffer when it returns.
 *
 * <p>After the body, a further {@code receive()} waits until the response is complete or the client
 * has gone, then answers {@code http.disconnect}, as uvicorn does.
 */
final class RequestBodyReceiver implements Subscriber<ByteBuf> {

	private static final byte[] EMPTY = new byte[0];

	private static final HttpDisconnect DISCONNECT = new HttpDisconnect();

	private final Supplier<? extends Publisher<ByteBuf>> source;

	/** Declared body length, or -1 for a chunked body. */
	private final long contentLength;

	private long received;

	private @Nullable Subscription upstream;

	private final MessageSlot slot = new MessageSlot();

	private boolean subscribed;

	private boolean requested;

	private boolean bodyDone;

	/** The response is complete or the client has gone: nothing more will be read. */
	private boolean ended;

	/** Bytes beyond which the body is refused, 0 for none: set only where no guard below counts them. */
	private long limit;

	private Runnable overLimit = () -> {
	};

	/**
	 * @param source the request body, subscribed on the first {@code receive()} (which is when
	 *     reactor-netty answers {@code Expect: 100-continue})
	 * @param contentLength the declared length, 0 for no body, -1 for chunked
	 */
	RequestBodyReceiver(Supplier<? extends Publisher<ByteBuf>> source, long contentLength) {
		this.source = source;
		this.contentLength = contentLength;
		this.bodyDone = (contentLength == 0);
	}

	/**
	 * Refuses a body that grows past {@code limit}: reading stops, {@code overLimit} runs (the server's
	 * answer) and the application's {@code receive()} gets {@code http.disconnect}. For HTTP/2 streams,
	 * which the HTTP/1.1 {@link RequestGuard} never sees; set before the application runs.
	 */
	void limit(long limit, Runnable overLimit) {
		this.limit = limit;
		this.overLimit = overLimit;
	}

	CompletionStage<InboundMessage> receive() {
		boolean subscribeNow = false;
		boolean requestNow = false;
		CompletableFuture<InboundMessage> pending;
		synchronized (this) {
			CompletionStage<InboundMessage> ready = this.slot.takeReady();
			if (ready != null) {
				return ready;
			}
			if (this.contentLength == 0 && !this.subscribed) {
				// No body at all (GET, or Content-Length: 0): one empty request message, nothing to subscribe to.
				this.subscribed = true;
				return CompletableFuture.completedFuture(new HttpRequest(EMPTY, false));
			}
			if (this.ended) {
				return CompletableFuture.completedFuture(DISCONNECT);
			}
			pending = this.slot.await();
			if (!this.bodyDone) {
				if (!this.subscribed) {
					this.subscribed = true;
					subscribeNow = true;
				}
				else if (!this.requested) {
					this.requested = true;
					requestNow = true;
				}
			}
		}
		if (subscribeNow) {
			this.source.get().subscribe(this);
		}
		else if (requestNow) {
			upstream().request(1);
		}
		return pending;
	}

	/** The response is complete or the connection is closed: answer waiters with disconnect, stop reading. */
	void end() {
		CompletableFuture<InboundMessage> pending;
		Subscription toCancel;
		synchronized (this) {
			if (this.ended) {
				return;
			}
			this.ended = true;
			pending = this.slot.takeWaiter(true);
			toCancel = (this.bodyDone) ? null : this.upstream;
		}
		if (toCancel != null) {
			toCancel.cancel();
		}
		if (pending != null) {
			pending.complete(DISCONNECT);
		}
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		boolean cancel;
		synchronized (this) {
			this.upstream = subscription;
			this.requested = true;
			cancel = this.ended;
		}
		if (cancel) {
			subscription.cancel();
		}
		else {
			subscription.request(1);
		}
	}

	@Override
	public void onNext(ByteBuf buffer) {
		if (this.limit > 0 && received() + buffer.readableBytes() > this.limit) {
			this.overLimit.run();
			end();
			return;
		}
		byte[] bytes = ByteBufUtil.getBytes(buffer);
		deliver(bytes, false);
	}

	@Override
	public void onComplete() {
		deliver(EMPTY, true);
	}

	@Override
	public void onError(Throwable error) {
		end();
	}

	private void deliver(byte[] bytes, boolean completed) {
		CompletableFuture<InboundMessage> pending;
		HttpRequest message;
		synchronized (this) {
			if (this.ended || this.bodyDone) {
				return;
			}
			this.requested = false;
			this.received += bytes.length;
			boolean last = completed || (this.contentLength >= 0 && this.received >= this.contentLength);
			this.bodyDone = last;
			message = new HttpRequest(bytes, !last);
			pending = this.slot.offer(message);
		}
		if (pending != null) {
			pending.complete(message);
		}
	}

	/** @return the body bytes read so far */
	synchronized long received() {
		return this.received;
	}

	private Subscription upstream() {
		Subscription subscription = this.upstream;
		if (subscription == null) {
			throw new IllegalStateException("body requested before subscription");
		}
		return subscription;
	}
}
