package dev.uvi.server;

import static dev.uvi.server.ConfigCheck.check;

import java.time.Duration;
import java.util.Objects;

/**
 * WebSocket settings, uvicorn's {@code --ws-*} flags.
 *
 * @param enabled whether upgrade requests become WebSockets; false serves them as plain HTTP
 *     (uvicorn's {@code --ws none}); default true
 * @param maxSize the largest incoming message, in bytes; larger closes with 1009; default 16 MiB
 * @param maxQueue accepted for uvicorn parity; uvi reads one message per {@code receive()}, so at most
 *     one message waits in the server whatever this says; default 32
 * @param pingInterval how often the server pings; zero disables keep-alive pings; default 20 s
 * @param pingTimeout how long a ping may go unanswered before the server closes with 1011; default 20 s
 * @param perMessageDeflate whether permessage-deflate is negotiated; default true
 */
public record WebSocketConfig(boolean enabled, int maxSize, int maxQueue, Duration pingInterval,
		Duration pingTimeout, boolean perMessageDeflate) {

	public WebSocketConfig {
		Objects.requireNonNull(pingInterval, "pingInterval");
		Objects.requireNonNull(pingTimeout, "pingTimeout");
		check(maxSize >= 1, "ws.max-size", maxSize, ">= 1 byte");
		check(maxQueue >= 1, "ws.max-queue", maxQueue, ">= 1");
		check(!pingInterval.isNegative(), "ws.ping-interval", pingInterval, ">= 0");
		check(!pingTimeout.isNegative() && !pingTimeout.isZero(), "ws.ping-timeout", pingTimeout, "> 0");
	}

	/** @return uvicorn's defaults */
	public static WebSocketConfig defaults() {
		return new WebSocketConfig(true, 16 * 1024 * 1024, 32, Duration.ofSeconds(20), Duration.ofSeconds(20), true);
	}

	/** @return a copy that is enabled or not */
	public WebSocketConfig withEnabled(boolean enabled) {
		return new WebSocketConfig(enabled, this.maxSize, this.maxQueue, this.pingInterval, this.pingTimeout,
				this.perMessageDeflate);
	}

	/** @return a copy with another maximum message size */
	public WebSocketConfig withMaxSize(int maxSize) {
		return new WebSocketConfig(this.enabled, maxSize, this.maxQueue, this.pingInterval, this.pingTimeout,
				this.perMessageDeflate);
	}

	/** @return a copy with other keep-alive ping settings */
	public WebSocketConfig withPing(Duration interval, Duration timeout) {
		return new WebSocketConfig(this.enabled, this.maxSize, this.maxQueue, interval, timeout,
				this.perMessageDeflate);
	}
}
