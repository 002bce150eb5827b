package dev.uvi.internal.http;

import dev.uvi.server.UviServerListener;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a refused request is reported, the same for an HTTP/1.1 request ({@link RequestGuard}) and an
 * HTTP/2 stream ({@link StreamLimits}): why, at debug on {@code uvi.error}, and a stable reason to the
 * listener (the {@code uvi.requests.rejected} counter). And, for HTTP/1.1, which answer a decoding
 * failure gets and how it is sent on a connection that then closes.
 */
final class Refusals {

	private static final Logger logger = LoggerFactory.getLogger(ServerLoggers.ERROR);

	/** How long a refused client may keep sending before the connection is closed under it. */
	private static final long LINGER_MILLIS = 1000;

	private Refusals() {
	}

	/**
	 * @param reason what was wrong, for the debug line; a 503 (only {@code limit-concurrency} gives
	 *     one) is uvicorn's warning instead, whatever the reason
	 */
	static void report(UviServerListener listener, FixedResponse response, @Nullable String reason) {
		if (response == FixedResponse.SERVICE_UNAVAILABLE) {
			logger.warn("Exceeded concurrency limit.");
		}
		else if (reason != null && logger.isDebugEnabled()) {
			logger.debug("Invalid HTTP request received ({}): {}", response.status(), reason);
		}
		if (listener != UviServerListener.NOOP) {
			listener.requestRejected(reason(response));
		}
	}

	/** The {@code reason} a listener is told: stable, low-cardinality. */
	static String reason(FixedResponse response) {
		return switch (response.status()) {
			case 503 -> "concurrency";
			case 408 -> "header-timeout";
			case 413 -> "too-large";
			case 414 -> "uri-too-long";
			case 431 -> "headers-too-large";
			default -> "bad-request";
		};
	}

	/** The answer to a head Netty's decoder could not read. */
	static FixedResponse responseTo(Throwable cause) {
		if (cause instanceof TooLongHttpLineException) {
			return FixedResponse.URI_TOO_LONG;
		}
		if (cause instanceof TooLongHttpHeaderException) {
			return FixedResponse.HEADER_FIELDS_TOO_LARGE;
		}
		return FixedResponse.BAD_REQUEST;
	}

	/** Writes the answer, with the server's default headers, on an HTTP/1.1 connection that then closes. */
	static void sendAndClose(ChannelHandlerContext ctx, FixedResponse response, DefaultHeaders defaults) {
		FullHttpResponse full = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
		defaults.addTo(full.headers());
		response.headers().forEach(full.headers()::add);
		ctx.writeAndFlush(full).addListener((ChannelFutureListener) (future) -> lingerAndClose(ctx));
	}

	/**
	 * Half-closes, so the client reads the answer and the end of stream, then drops whatever it still
	 * sends for a moment: closing with unread input would reset the connection and could destroy the
	 * answer before the client has read it.
	 */
	private static void lingerAndClose(ChannelHandlerContext ctx) {
		if (ctx.channel() instanceof DuplexChannel duplex && duplex.isActive()) {
			duplex.shutdownOutput();
			ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
		}
		else {
			ctx.close();
		}
	}
}
