package dev.uvi.internal.http;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.InboundMessage;
import dev.uvi.asgi.OutboundMessage;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Send;
import dev.uvi.asgi.WebSocketAccept;
import dev.uvi.asgi.WebSocketClose;
import dev.uvi.asgi.WebSocketConnect;
import dev.uvi.asgi.WebSocketDisconnect;
import dev.uvi.asgi.WebSocketReceive;
import dev.uvi.asgi.WebSocketResponseBody;
import dev.uvi.asgi.WebSocketResponseStart;
import dev.uvi.asgi.WebSocketScope;
import dev.uvi.asgi.WebSocketSend;
import dev.uvi.internal.StageFailure;
import dev.uvi.server.UviServerListener.Direction;
import dev.uvi.server.UviServerListener;
import dev.uvi.server.WebSocketConfig;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.net.SocketException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * One WebSocket, ASGI's way: the application sees {@code websocket.connect} before the handshake is
 * answered, and answers with {@code websocket.accept} (the 101 and the upgrade), {@code websocket.close}
 * (HTTP 403, uvicorn's answer) or a denial response ({@code websocket.http.response.*}, sent through
 * an {@link HttpCycle}). After accept, whole messages go both ways with back-pressure; an application
 * error closes with 1011, returning without a close closes with 1000.
 */
final class WebSocketCycle implements Receive, Send {

	private static final Logger logger = LoggerFactory.getLogger(ServerLoggers.ERROR);

	/** RFC 6455 §7.1.5: the connection closed without a close frame. */
	private static final int ABNORMAL_CLOSURE = 1006;

	private static final Headers FORBIDDEN = Headers.of("content-type", "text/plain; charset=utf-8",
			"content-length", "0", "connection", "close");

	private enum State {

		/** {@code websocket.connect} is out; the application has not answered yet. */
		CONNECTING,

		/** The application answers with a plain HTTP response. */
		DENYING,

		/** Accepted: messages flow. */
		OPEN,

		/** Closed, refused or denied: nothing more goes out. */
		CLOSED
	}

	private final WebSocketScope scope;

	private final HttpServerResponse response;

	private final Channel channel;

	private final NettyResponseWriter writer;

	private final WebSocketConfig config;

	private final DefaultHeaders defaults;

	private final AccessLog accessLog;

	private final UviServerListener listener;

	private final Consumer<WebSocketCycle> onOpen;

	private final Consumer<WebSocketCycle> onClosed;

	/** The handshake answer: a spec to upgrade with, or null for a plain HTTP answer. */
	private final CompletableFuture<@Nullable WebsocketServerSpec> decision = new CompletableFuture<>();

	/** True once upgraded, false when the handshake was refused or failed. */
	private final CompletableFuture<Boolean> upgraded = new CompletableFuture<>();

	/** Completes the reactor-netty handler once the conversation is over. */
	private final CompletableFuture<Void> over = new CompletableFuture<>();

	private final WebSocketReceiver frames;

	private final KeepAlivePings pings;

	private State state = State.CONNECTING;

	private boolean connectSent;

	private @Nullable HttpCycle denial;

	private volatile @Nullable WebsocketOutbound outbound;

	/** The close that ended the conversation: the peer's, or the one this side sent. */
	private volatile @Nullable WebSocketDisconnect closedWith;

	WebSocketCycle(WebSocketScope scope, HttpServerResponse response, Channel channel, NettyResponseWriter writer,
			WebSocketConfig config, DefaultHeaders defaults, AccessLog accessLog, UviServerListener listener,
			Consumer<WebSocketCycle> onOpen, Consumer<WebSocketCycle> onClosed) {
		this.scope = scope;
		this.response = response;
		this.channel = channel;
		this.writer = writer;
		this.config = config;
		this.defaults = defaults;
		this.accessLog = accessLog;
		this.listener = listener;
		this.onOpen = onOpen;
		this.onClosed = onClosed;
		this.frames = new WebSocketReceiver(this::inboundEnded, this::pongReceived);
		this.pings = new KeepAlivePings(channel, config, () -> close(1011, "keepalive ping timeout"));
	}

	/** @return the reactor-netty handler: the upgrade once accepted, else the plain HTTP answer */
	Publisher<Void> handler() {
		return Mono.fromFuture(this.decision.thenApplyAsync((spec) -> spec, this.channel.eventLoop()), true)
			.flatMap((spec) -> this.response.sendWebsocket(this::opened, spec))
			.switchIfEmpty(this.writer.finished())
			.doFinally((signal) -> this.upgraded.complete(false)); // a failed handshake must not leave receive() waiting
	}

	void run(AsgiApplication application) {
		CompletionStage<Void> result;
		try {
			result = application.call(this.scope, this, this);
		}
		catch (Throwable ex) {
			result = CompletableFuture.failedFuture(ex);
		}
		result.whenComplete((ignored, error) -> applicationDone(error));
	}

	/** Server shutdown: close with 1012 ("service restart"), as uvicorn does. */
	void closeForShutdown() {
		this.upgraded.thenAccept((open) -> {
			if (open) {
				close(1012, "");
			}
		});
	}

	@Override
	public CompletionStage<InboundMessage> receive() {
		synchronized (this) {
			if (!this.connectSent) {
				this.connectSent = true;
				return CompletableFuture.completedFuture(new WebSocketConnect());
			}
		}
		CompletionStage<InboundMessage> next = this.upgraded.thenCompose((open) -> open ? this.frames.receive()
				: CompletableFuture.completedFuture(new WebSocketDisconnect(ABNORMAL_CLOSURE, "")));
		if (this.listener == UviServerListener.NOOP) {
			return next;
		}
		return next.thenApply((message) -> {
			if (message instanceof WebSocketReceive) {
				this.listener.webSocketMessage(Direction.RECEIVED);
			}
			return message;
		});
	}

	@Override
	public CompletionStage<Void> send(OutboundMessage message) {
		synchronized (this) {
			switch (this.state) {
				case CONNECTING:
					return answerHandshake(message);
				case DENYING:
					if (!(message instanceof WebSocketResponseBody body)) {
						return failed("Expected ASGI message 'websocket.http.response.body', but got '"
								+ message.type() + "'.");
					}
					if (!body.moreBody()) {
						this.state = State.CLOSED;
					}
					return this.denial.send(new HttpResponseBody(body.body(), body.moreBody()));
				case OPEN:
					if (message instanceof WebSocketSend frame) {
						return this.upgraded.thenCompose((open) -> write(frame));
					}
					if (message instanceof WebSocketClose close) {
						this.state = State.CLOSED;
						return this.upgraded.thenCompose((open) -> close(close.code(), close.reason()));
					}
					return failed("Expected ASGI message 'websocket.send' or 'websocket.close', but got '"
							+ message.type() + "'.");
				default:
					return CompletableFuture.failedFuture(new SocketException("WebSocket connection is closed"));
			}
		}
	}

	private CompletionStage<Void> answerHandshake(OutboundMessage message) {
		if (message instanceof WebSocketAccept accept) {
			if (accept.headers().firstInvalid() >= 0) {
				return failed("Invalid HTTP header in 'websocket.accept'.");
			}
			this.state = State.OPEN;
			this.response.responseHeaders().clear();
			this.defaults.addTo(this.response.responseHeaders());
			accept.headers().forEach(this.response.responseHeaders()::add);
			WebsocketServerSpec.Builder spec = WebsocketServerSpec.builder()
				.maxFramePayloadLength(this.config.maxSize())
				.compress(this.config.perMessageDeflate());
			if (accept.subprotocol() != null) {
				spec.protocols(accept.subprotocol());
			}
			this.accessLog.logWebSocket(this.scope, "[accepted]");
			// registered before the 101 goes out, so that a shutdown right after it still closes with 1012
			this.onOpen.accept(this);
			this.upgraded.thenAccept((open) -> {
				if (!open) {
					this.onClosed.accept(this);
				}
			});
			this.decision.complete(spec.build());
			return this.upgraded.thenCompose((open) -> open ? WriteCompletion.DONE
					: CompletableFuture.failedFuture(new SocketException("WebSocket handshake failed")));
		}
		if (message instanceof WebSocketClose) {
			refuse();
			return WriteCompletion.DONE;
		}
		if (message instanceof WebSocketResponseStart start) {
			this.state = State.DENYING;
			this.denial = new HttpCycle(this.writer, new RequestBodyReceiver(Mono::empty, 0), false,
					(status) -> this.accessLog.logWebSocket(this.scope, Integer.toString(status)));
			this.decision.complete(null);
			this.upgraded.complete(false);
			return this.denial.send(HttpResponseStart.of(start.status(), start.headers()));
		}
		return failed("Expected ASGI message 'websocket.accept', 'websocket.close', or "
				+ "'websocket.http.response.start', but got '" + message.type() + "'.");
	}

	/** {@code websocket.close} before accept: HTTP 403, and the application then sees disconnect 1006. */
	private void refuse() {
		this.state = State.CLOSED;
		this.accessLog.logWebSocket(this.scope, "403");
		this.writer.writeFull(403, FORBIDDEN, new byte[0]);
		this.decision.complete(null);
		this.upgraded.complete(false);
	}

	private Publisher<Void> opened(WebsocketInbound inbound, WebsocketOutbound outbound) {
		this.outbound = outbound;
		inbound.receiveCloseStatus().subscribe((status) -> closedWith(new WebSocketDisconnect(status.code(),
				status.reasonText())));
		inbound.aggregateFrames(this.config.maxSize()).receiveFrames().subscribe(this.frames);
		this.channel.closeFuture().addListener((future) -> conversationOver());
		this.pings.start();
		this.listener.webSocketOpened();
		this.upgraded.complete(true);
		return Mono.fromFuture(this.over, true);
	}

	private CompletionStage<Void> write(WebSocketSend message) {
		if (!this.channel.isActive() || this.closedWith != null) {
			return CompletableFuture.failedFuture(new SocketException("WebSocket connection is closed"));
		}
		Object frame = (message.text() != null) ? new TextWebSocketFrame(message.text())
				: new BinaryWebSocketFrame(Unpooled.wrappedBuffer(message.bytes()));
		this.listener.webSocketMessage(Direction.SENT);
		return WriteCompletion.of(this.channel.writeAndFlush(frame), this.channel);
	}

	/** Sends a close frame (once); the application's next {@code receive()} sees the same code. */
	private CompletionStage<Void> close(int code, String reason) {
		synchronized (this) {
			this.state = State.CLOSED;
		}
		WebsocketOutbound out = this.outbound;
		if (out == null || !closedWith(new WebSocketDisconnect(code, reason))) {
			return WriteCompletion.DONE;
		}
		CompletableFuture<Void> sent = new CompletableFuture<>();
		// On the event loop, like reactor-netty's own close handling: sending the close cancels the
		// inbound side, which must not race with a frame being delivered on the loop.
		Runnable send = () -> out.sendClose(code, reason)
			.subscribe(null, (error) -> sent.complete(null), () -> sent.complete(null));
		if (this.channel.eventLoop().inEventLoop()) {
			send.run();
		}
		else {
			try {
				this.channel.eventLoop().execute(send);
			}
			catch (RejectedExecutionException ex) {
				sent.complete(null); // the loop is gone: so is the connection
			}
		}
		return sent;
	}

	private void pongReceived() {
		this.pings.pongReceived();
	}

	/** The inbound side ended: the peer's close (its code), a lost connection (1006), or a bad message. */
	private void inboundEnded(@Nullable Throwable error) {
		if (error instanceof TooLongFrameException) {
			close(1009, "Message too big");
			return;
		}
		if (error instanceof CorruptedWebSocketFrameException corrupted) {
			close(corrupted.closeStatus().code(), corrupted.closeStatus().reasonText());
			return;
		}
		WebSocketDisconnect closed = this.closedWith;
		this.frames.close((closed != null) ? closed : new WebSocketDisconnect(ABNORMAL_CLOSURE, ""));
	}

	/**
	 * Records the first close of the conversation, before reactor-netty ends the inbound side (which it
	 * does before it reports the close status).
	 * @return true when this was the first
	 */
	private synchronized boolean closedWith(WebSocketDisconnect disconnect) {
		if (this.closedWith != null) {
			return false;
		}
		this.closedWith = disconnect;
		return true;
	}

	private void conversationOver() {
		synchronized (this) {
			this.state = State.CLOSED;
		}
		this.pings.stop();
		inboundEnded(null);
		this.over.complete(null);
		this.onClosed.accept(this);
		this.listener.webSocketClosed();
	}

	private void applicationDone(@Nullable Throwable error) {
		Throwable cause = (error != null) ? StageFailure.cause(error) : null;
		State finalState;
		synchronized (this) {
			finalState = this.state;
		}
		if (cause != null) {
			logger.error("Exception in ASGI application", cause);
		}
		switch (finalState) {
			case CONNECTING:
				synchronized (this) {
					this.state = State.CLOSED;
				}
				FixedResponse failure = FixedResponse.INTERNAL_SERVER_ERROR;
				this.accessLog.logWebSocket(this.scope, Integer.toString(failure.status()));
				this.writer.writeFull(failure.status(), failure.headers(), failure.body());
				this.decision.complete(null);
				this.upgraded.complete(false);
				break;
			case DENYING:
				this.denial.finish(cause);
				break;
			case OPEN:
				this.upgraded.thenRun(() -> close((cause != null) ? 1011 : 1000, ""));
				break;
			default:
				break;
		}
	}

	private static CompletionStage<Void> failed(String message) {
		return CompletableFuture.failedFuture(new IllegalStateException(message));
	}
}
