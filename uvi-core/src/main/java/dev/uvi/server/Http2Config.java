package dev.uvi.server;

import static dev.uvi.server.ConfigCheck.check;

/**
 * HTTP/2 settings (beyond uvicorn ≤ 0.51, which has no HTTP/2).
 *
 * @param enabled whether TLS connections offer {@code h2} through ALPN; default true (it only
 *     applies with TLS)
 * @param h2c whether cleartext connections accept HTTP/2 (prior knowledge and {@code Upgrade: h2c});
 *     default false
 * @param maxConcurrentStreams streams a client may open at once; default 128
 * @param initialWindowSize the flow-control window of each stream, in bytes; default 65535 (RFC 9113)
 * @param maxHeaderListSize the largest header list accepted, in bytes; default 16384
 */
public record Http2Config(boolean enabled, boolean h2c, long maxConcurrentStreams, int initialWindowSize,
		long maxHeaderListSize) {

	public Http2Config {
		check(maxConcurrentStreams >= 1, "http2-max-concurrent-streams", maxConcurrentStreams, ">= 1");
		check(initialWindowSize >= 1, "http2-initial-window-size", initialWindowSize, "1-2147483647 bytes");
		check(maxHeaderListSize >= 1024, "http2-max-header-list-size", maxHeaderListSize, ">= 1024 bytes");
	}

	/** @return the defaults: h2 with TLS, no h2c, 128 streams, 64 KiB windows, 16 KiB header lists */
	public static Http2Config defaults() {
		return new Http2Config(true, false, 128, 65535, 16384);
	}

	/** @return a copy with h2 over TLS on or off */
	public Http2Config withEnabled(boolean enabled) {
		return new Http2Config(enabled, this.h2c, this.maxConcurrentStreams, this.initialWindowSize,
				this.maxHeaderListSize);
	}

	/** @return a copy with cleartext HTTP/2 on or off */
	public Http2Config withH2c(boolean h2c) {
		return new Http2Config(this.enabled, h2c, this.maxConcurrentStreams, this.initialWindowSize,
				this.maxHeaderListSize);
	}
}
