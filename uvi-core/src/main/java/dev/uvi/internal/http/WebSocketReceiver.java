package dev.uvi.internal.http;

import dev.uvi.asgi.InboundMessage;
import dev.uvi.asgi.WebSocketDisconnect;
import dev.uvi.asgi.WebSocketReceive;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The {@code receive()} side of an open WebSocket: one whole (re-assembled) message per call, with a
 * demand of one, so a slow application makes the server stop reading. Payloads are copied out inside
 * {@code onNext}. Messages that arrived before the close are still delivered, then the disconnect.
 */
final class WebSocketReceiver implements Subscriber<WebSocketFrame> {

	private final Consumer<@Nullable Throwable> onEnd;

	private final Runnable onPong;

	private @Nullable Subscription upstream;

	private final MessageSlot slot = new MessageSlot();

	private @Nullable WebSocketDisconnect disconnect;

	private boolean requested;

	/**
	 * @param onEnd told when the inbound side ends: null when it completed (after a close or a lost
	 *     connection), or the error (a message over the size limit, a broken frame)
	 * @param onPong told of each pong, for the keep-alive timer
	 */
	WebSocketReceiver(Consumer<@Nullable Throwable> onEnd, Runnable onPong) {
		this.onEnd = onEnd;
		this.onPong = onPong;
	}

	CompletionStage<InboundMessage> receive() {
		Subscription toRequest = null;
		CompletableFuture<InboundMessage> pending;
		synchronized (this) {
			CompletionStage<InboundMessage> ready = this.slot.takeReady();
			if (ready != null) {
				return ready;
			}
			if (this.disconnect != null) {
				return CompletableFuture.completedFuture(this.disconnect);
			}
			pending = this.slot.await();
			if (!this.requested && this.upstream != null) {
				this.requested = true;
				toRequest = this.upstream;
			}
		}
		if (toRequest != null) {
			toRequest.request(1);
		}
		return pending;
	}

	/** The conversation is over: waiters, and every later call, get this disconnect. */
	void close(WebSocketDisconnect message) {
		CompletableFuture<InboundMessage> pending;
		Subscription toCancel;
		synchronized (this) {
			if (this.disconnect != null) {
				return;
			}
			this.disconnect = message;
			pending = this.slot.takeWaiter(false);
			toCancel = this.upstream;
		}
		if (pending != null) {
			pending.complete(message);
		}
		if (toCancel != null) {
			toCancel.cancel();
		}
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		boolean request;
		synchronized (this) {
			this.upstream = subscription;
			request = this.slot.isAwaited();
			this.requested = request;
		}
		if (request) {
			subscription.request(1);
		}
	}

	@Override
	public void onNext(WebSocketFrame frame) {
		InboundMessage message;
		if (frame.rsv() != 0) {
			// reactor-netty lets extensions use the bits; any left after permessage-deflate is a violation
			this.onEnd.accept(new CorruptedWebSocketFrameException(WebSocketCloseStatus.PROTOCOL_ERROR,
					"Reserved bits set"));
			return;
		}
		if (frame instanceof TextWebSocketFrame text) {
			String decoded = strictUtf8(text.content());
			if (decoded == null) {
				this.onEnd.accept(new CorruptedWebSocketFrameException(WebSocketCloseStatus.INVALID_PAYLOAD_DATA,
						"Invalid UTF-8 in a text message"));
				return;
			}
			message = new WebSocketReceive(null, decoded);
		}
		else if (frame instanceof BinaryWebSocketFrame binary) {
			message = new WebSocketReceive(ByteBufUtil.getBytes(binary.content()), null);
		}
		else {
			if (frame instanceof PongWebSocketFrame) {
				this.onPong.run();
			}
			Subscription again = this.upstream;
			if (again != null) {
				again.request(1); // not a message for the application: keep reading
			}
			return;
		}
		CompletableFuture<InboundMessage> pending;
		synchronized (this) {
			this.requested = false;
			pending = this.slot.offer(message);
		}
		if (pending != null) {
			pending.complete(message);
		}
	}

	/**
	 * Netty's UTF-8 check lives in a handler reactor-netty does not install: check strictly here
	 * (Netty's validator follows the Unicode standard's table of well-formed sequences: no overlong
	 * forms, no surrogates, nothing past U+10FFFF), then decode. A strict {@code CharsetDecoder} made per
	 * message took 2% of the WebSocket echo's event loop.
	 */
	private static @Nullable String strictUtf8(ByteBuf content) {
		return ByteBufUtil.isText(content, StandardCharsets.UTF_8) ? content.toString(StandardCharsets.UTF_8) : null;
	}

	@Override
	public void onError(Throwable error) {
		this.onEnd.accept(error);
	}

	@Override
	public void onComplete() {
		this.onEnd.accept(null);
	}
}
