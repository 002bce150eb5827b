package dev.uvi.internal.http;

import dev.uvi.server.UviServerListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a refused request is reported, the same for an HTTP/1.1 request ({@link RequestGuard}) and an
 * HTTP/2 stream ({@link StreamLimits}): why, at debug on {@code uvi.error}, and a stable reason to the
 * listener (the {@code uvi.requests.rejected} counter).
 */
final class Refusals {

	private static final Logger logger = LoggerFactory.getLogger(ServerLoggers.ERROR);

	private Refusals() {
	}

	/** @param reason what was wrong, for the debug line; null when the caller logged it already */
	static void report(UviServerListener listener, FixedResponse response, @Nullable String reason) {
		if (reason != null && logger.isDebugEnabled()) {
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
}
