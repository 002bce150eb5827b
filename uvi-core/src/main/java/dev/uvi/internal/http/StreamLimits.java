package dev.uvi.internal.http;

import dev.uvi.server.UviConfig;
import dev.uvi.server.UviServerListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code max-request-body-size} for HTTP/2 streams. The HTTP/1.1 {@link RequestGuard} sits in a
 * connection's pipeline and never sees a stream, so the bridge asks this instead: a declared
 * content-length over the limit gets 413 before the application runs, and a body that grows past it
 * ends the request with 413 (a reset once the response has started) while the application's
 * {@code receive()} gets {@code http.disconnect}. Each refusal ends that stream only; the connection's
 * other streams go on, as HTTP/2 intends. Refusals are logged and counted as the HTTP/1.1 ones are.
 * (Header size is Netty's {@code maxHeaderListSize}, which answers 431 itself.)
 */
final class StreamLimits {

	private static final Logger logger = LoggerFactory.getLogger(ServerLoggers.ERROR);

	private final long maxBodySize;

	private final UviServerListener listener;

	StreamLimits(UviConfig config) {
		this.maxBodySize = config.maxRequestBodySize();
		this.listener = config.listener();
	}

	/**
	 * @param declaredLength the request's content-length, -1 when it declares none
	 * @return the answer to give instead of running the application, or null to run it
	 */
	@Nullable FixedResponse refusal(long declaredLength) {
		if (this.maxBodySize > 0 && declaredLength > this.maxBodySize) {
			rejected("Content-Length " + declaredLength + " over the limit");
			return FixedResponse.CONTENT_TOO_LARGE;
		}
		return null;
	}

	/** Makes {@code body} end {@code cycle} with 413 once it grows past the limit. */
	void limit(RequestBodyReceiver body, HttpCycle cycle) {
		if (this.maxBodySize > 0) {
			body.limit(this.maxBodySize, () -> {
				rejected("body over the limit");
				cycle.cancel(FixedResponse.CONTENT_TOO_LARGE);
			});
		}
	}

	private void rejected(String reason) {
		logger.debug("Invalid HTTP request received (413, HTTP/2 stream): {}", reason);
		if (this.listener != UviServerListener.NOOP) {
			this.listener.requestRejected(RequestGuard.rejectionReason(FixedResponse.CONTENT_TOO_LARGE));
		}
	}
}
