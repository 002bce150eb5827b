package dev.uvi.internal.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import org.jspecify.annotations.Nullable;

/**
 * One connection's gate between Netty's HTTP decoder and reactor-netty: every decoded request passes
 * here before reactor-netty sees it, so that malformed heads, {@link RequestHeadRules} violations,
 * bodies over {@code max-request-body-size}, heads slower than {@code timeout-request-header} and
 * requests over {@code limit-concurrency} get uvi's {@link FixedResponse} (reactor-netty's own answer
 * to a decoding failure is an empty 400) and a closed connection. Responses to earlier pipelined
 * requests go out first: a refusal waits for them, counting the responses that pass here on their
 * way out. Seeing every request begin and every response end, it also keeps the keep-alive timeout
 * where the server speaks HTTP/1.1 only. After a {@code 101} the connection is a WebSocket and the
 * guard steps aside.
 */
final class RequestGuard extends ChannelDuplexHandler {

	private final RequestGuards.Settings settings;

	private @Nullable ChannelHandlerContext context;

	/** Requests handed to reactor-netty, and responses that have ended: responses come in request order. */
	private int admitted;

	private int completed;

	/** The response to request number {@code completed} has begun: it can no longer be replaced. */
	private boolean responseStarted;

	/** A request head was admitted and its body has not ended. */
	private boolean inBody;

	private long bodyReceived;

	/** Body bytes still to come for a {@code Content-Length} body, -1 for a chunked one. */
	private long bodyRemaining;

	/** Set when the first bytes of a head arrive (or the connection opens), cleared when the head is read. */
	private final ConnectionDeadline head;

	/**
	 * Set while the connection is idle between requests, cleared when bytes arrive; null when
	 * reactor-netty's {@code idleTimeout} keeps the time instead (a server that speaks HTTP/2).
	 */
	private final @Nullable ConnectionDeadline keepAlive;

	private @Nullable FixedResponse refusal;

	/** The request number the refusal answers: it goes out once every earlier response has ended. */
	private int refusalIndex;

	private boolean refusalSent;

	private boolean closed;

	RequestGuard(RequestGuards.Settings settings) {
		this.settings = settings;
		this.head = new ConnectionDeadline(settings.headerTimeoutNanos(), this::headTimedOut);
		this.keepAlive = (settings.keepAliveNanos() > 0)
				? new ConnectionDeadline(settings.keepAliveNanos(), this::keepAliveExpired) : null;
	}

	/** @return true while no body is being read: the bytes arriving now belong to a request head */
	boolean awaitingHead() {
		return !this.inBody && this.refusal == null;
	}

	/** @return the bytes of a {@code Content-Length} body still to come, -1 for chunked, 0 outside a body */
	long bodyRemaining() {
		return this.inBody ? this.bodyRemaining : 0;
	}

	/** @return true once a refusal is decided: nothing more of the input is read */
	boolean refusing() {
		return this.refusal != null;
	}

	/** Bytes arrived: the connection is not idle, and if they start a head, its clock starts. */
	void bytesArrived() {
		if (this.keepAlive != null) {
			this.keepAlive.clear();
		}
		if (!this.head.isSet() && awaitingHead()) {
			startHeadClock();
		}
	}

	/** {@link ObsFoldDetector} found a folded header line in the head now being read. */
	void obsFoldFound() {
		refuse(FixedResponse.BAD_REQUEST, this.admitted, "obsolete line folding in the header");
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.context = ctx;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) throws Exception {
		this.settings.concurrency().connectionOpened();
		ctx.channel().closeFuture().addListener((future) -> connectionClosed());
		startHeadClock(); // a connection that sends nothing is a head that never arrives
		becameIdle(); // and an idle connection, as reactor-netty's idleTimeout has it
		super.channelActive(ctx);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (this.refusal != null) {
			ReferenceCountUtil.release(msg);
			return;
		}
		if (msg instanceof HttpRequest request) {
			readHead(ctx, request);
		}
		else if (msg instanceof HttpContent content) {
			readBody(ctx, content);
		}
		else {
			ctx.fireChannelRead(msg);
		}
	}

	private void readHead(ChannelHandlerContext ctx, HttpRequest request) {
		this.head.clear();
		DecoderResult result = request.decoderResult();
		String violation = result.isFailure() ? String.valueOf(result.cause().getMessage())
				: RequestHeadRules.violation(request);
		if (violation != null) {
			ReferenceCountUtil.release(request);
			FixedResponse answer = result.isFailure() ? Refusals.responseTo(result.cause()) : FixedResponse.BAD_REQUEST;
			refuse(answer, this.admitted, violation);
			return;
		}
		long length = RequestHeadRules.bodyLength(request.headers());
		if (this.settings.maxBodySize() > 0 && length > this.settings.maxBodySize()) {
			ReferenceCountUtil.release(request);
			refuse(FixedResponse.CONTENT_TOO_LARGE, this.admitted, "Content-Length " + length + " over the limit");
			return;
		}
		boolean upgrade = WebSocketHandshake.isUpgrade(request.method(), request.headers());
		if (!upgrade && !this.settings.concurrency().tryStartRequest()) {
			ReferenceCountUtil.release(request);
			refuse(FixedResponse.SERVICE_UNAVAILABLE, this.admitted, null);
			return;
		}
		if (upgrade) {
			this.settings.concurrency().startRequestUnchecked();
		}
		this.admitted++;
		this.inBody = true;
		this.bodyReceived = 0;
		this.bodyRemaining = length;
		ctx.fireChannelRead(request);
	}

	private void readBody(ChannelHandlerContext ctx, HttpContent content) {
		if (content.decoderResult().isFailure()) {
			String reason = String.valueOf(content.decoderResult().cause().getMessage());
			ReferenceCountUtil.release(content);
			refuse(FixedResponse.BAD_REQUEST, this.admitted - 1, reason);
			return;
		}
		int size = content.content().readableBytes();
		this.bodyReceived += size;
		if (this.bodyRemaining > 0) {
			this.bodyRemaining -= size;
		}
		if (this.settings.maxBodySize() > 0 && this.bodyReceived > this.settings.maxBodySize()) {
			ReferenceCountUtil.release(content);
			refuse(FixedResponse.CONTENT_TOO_LARGE, this.admitted - 1, "chunked body over the limit");
			return;
		}
		if (content instanceof LastHttpContent) {
			this.inBody = false;
			idleIfDone(); // an application may have answered before the request's end arrived
		}
		ctx.fireChannelRead(content);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (this.refusalSent) {
			ReferenceCountUtil.release(msg); // the application answers a request the server has already refused
			promise.tryFailure(new ClosedChannelException());
			return;
		}
		boolean ends = msg instanceof LastHttpContent;
		if (msg instanceof HttpResponse response) {
			int status = response.status().code();
			if (status == 101) {
				super.write(ctx, msg, promise);
				responseEnded();
				RequestGuards.upgradedToWebSocket(ctx.pipeline());
				return;
			}
			if (status < 200) {
				super.write(ctx, msg, promise); // 100 Continue is not the response
				return;
			}
			this.responseStarted = true;
		}
		super.write(ctx, msg, promise);
		if (ends) {
			responseEnded();
			sendRefusalWhenDue();
		}
	}

	@Override
	public void handlerRemoved(ChannelHandlerContext ctx) {
		cancelDeadlines();
	}

	private void responseEnded() {
		this.completed++;
		this.responseStarted = false;
		this.settings.concurrency().requestEnded();
		idleIfDone();
	}

	/** No request is on the connection, nor the start of one: the keep-alive timeout runs. */
	private void idleIfDone() {
		if (this.completed == this.admitted && !this.inBody && !this.head.isSet()) {
			becameIdle();
		}
	}

	private void connectionClosed() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		cancelDeadlines();
		for (int i = this.completed; i < this.admitted; i++) {
			this.settings.concurrency().requestEnded();
		}
		this.completed = this.admitted;
		this.settings.concurrency().connectionClosed();
	}

	/** Decides the refusal of request number {@code index}; the first decision wins. */
	private void refuse(FixedResponse response, int index, @Nullable String reason) {
		if (this.refusal != null) {
			return;
		}
		Refusals.report(this.settings.listener(), response, reason);
		this.refusal = response;
		this.refusalIndex = index;
		cancelDeadlines();
		sendRefusalWhenDue();
	}

	private void sendRefusalWhenDue() {
		FixedResponse response = this.refusal;
		ChannelHandlerContext ctx = this.context;
		if (response == null || this.refusalSent || ctx == null || this.completed < this.refusalIndex) {
			return;
		}
		this.refusalSent = true;
		if (this.completed > this.refusalIndex || this.responseStarted) {
			ctx.close(); // that request's response has begun or ended: closing is the only answer left
			return;
		}
		Refusals.sendAndClose(ctx, response, this.settings.defaultHeaders());
	}

	private void startHeadClock() {
		ChannelHandlerContext ctx = this.context;
		if (ctx != null) {
			this.head.set(ctx.executor());
		}
	}

	private void headTimedOut() {
		if (!this.closed && this.context != null) {
			refuse(FixedResponse.REQUEST_TIMEOUT, this.admitted, "request head not complete within the timeout");
		}
	}

	private void becameIdle() {
		ChannelHandlerContext ctx = this.context;
		if (this.keepAlive != null && ctx != null) {
			this.keepAlive.set(ctx.executor());
		}
	}

	/** uvicorn's {@code timeout-keep-alive}: the idle connection is closed, nothing is sent. */
	private void keepAliveExpired() {
		ChannelHandlerContext ctx = this.context;
		if (!this.closed && ctx != null) {
			ctx.close();
		}
	}

	private void cancelDeadlines() {
		this.head.cancel();
		if (this.keepAlive != null) {
			this.keepAlive.cancel();
		}
	}
}
