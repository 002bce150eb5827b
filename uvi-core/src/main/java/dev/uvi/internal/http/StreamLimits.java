package dev.uvi.internal.http;

import dev.uvi.server.UviConfig;
import dev.uvi.server.UviServerListener;
import org.jspecify.annotations.Nullable;

/**
 * {@code limit-concurrency} and {@code max-request-body-size} for HTTP/2 streams. The HTTP/1.1
 * {@link RequestGuard} sits in a connection's pipeline and never sees a stream, so the bridge asks
 * this instead. A stream over the concurrency limit gets uvicorn's 503, counted in the same
 * {@link ConcurrencyLimit} as HTTP/1.1 requests. A declared
 * content-length over the limit gets 413 before the application runs, and a body that grows past it
 * ends the request with 413 (a reset once the response has started) while the application's
 * {@code receive()} gets {@code http.disconnect}. Each refusal ends that stream only; the connection's
 * other streams go on, as HTTP/2 intends. Refusals are reported as the HTTP/1.1 ones are ({@link Refusals}).
 * (Header size is Netty's {@code maxHeaderListSize}, which answers 431 itself.)
 */
final class StreamLimits {

	private final long maxBodySize;

	private final ConcurrencyLimit concurrency;

	private final UviServerListener listener;

	StreamLimits(UviConfig config, ConcurrencyLimit concurrency) {
		this.maxBodySize = config.maxRequestBodySize();
		this.concurrency = concurrency;
		this.listener = config.listener();
	}

	/**
	 * Admits a stream, counting it as a request in progress until {@link #ended()}, or refuses it.
	 * @param declaredLength the request's content-length, -1 when it declares none
	 * @return the answer to give instead of running the application, or null to run it
	 */
	@Nullable FixedResponse admit(long declaredLength) {
		if (this.maxBodySize > 0 && declaredLength > this.maxBodySize) {
			Refusals.report(this.listener, FixedResponse.CONTENT_TOO_LARGE, "HTTP/2 stream, Content-Length " + declaredLength + " over the limit");
			return FixedResponse.CONTENT_TOO_LARGE;
		}
		if (!this.concurrency.tryStartRequest()) {
			Refusals.report(this.listener, FixedResponse.SERVICE_UNAVAILABLE, null);
			return FixedResponse.SERVICE_UNAVAILABLE;
		}
		return null;
	}

	/** An admitted stream's response has ended, or the stream has gone. */
	void ended() {
		this.concurrency.requestEnded();
	}

	/** Makes {@code body} end {@code cycle} with 413 once it grows past the limit. */
	void limit(RequestBodyReceiver body, HttpCycle cycle) {
		if (this.maxBodySize > 0) {
			body.limit(this.maxBodySize, () -> {
				Refusals.report(this.listener, FixedResponse.CONTENT_TOO_LARGE, "HTTP/2 stream, body over the limit");
				cycle.cancel(FixedResponse.CONTENT_TOO_LARGE);
			});
		}
	}
}
