package dev.uvi.internal.http;

import dev.uvi.server.WebSocketConfig;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * uvicorn's WebSocket keep-alive: a ping every {@code ping-interval}; no pong within
 * {@code ping-timeout} and the connection is given up (close 1011). Runs on the channel's event loop.
 */
final class KeepAlivePings {

	private final Channel channel;

	private final long intervalNanos;

	private final long timeoutNanos;

	private final Runnable onTimeout;

	private @Nullable ScheduledFuture<?> ticker;

	/** When the unanswered ping went out, or 0 when none is outstanding. */
	private volatile long pingSentAt;

	KeepAlivePings(Channel channel, WebSocketConfig config, Runnable onTimeout) {
		this.channel = channel;
		this.intervalNanos = config.pingInterval().toNanos();
		this.timeoutNanos = config.pingTimeout().toNanos();
		this.onTimeout = onTimeout;
	}

	void start() {
		if (this.intervalNanos <= 0) {
			return;
		}
		long tick = Math.max(1, Math.min(this.intervalNanos, this.timeoutNanos) / 2);
		this.ticker = this.channel.eventLoop().scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.NANOSECONDS);
	}

	void stop() {
		ScheduledFuture<?> scheduled = this.ticker;
		if (scheduled != null) {
			scheduled.cancel(false);
		}
	}

	void pongReceived() {
		this.pingSentAt = 0;
	}

	private long lastPingAt = System.nanoTime();

	private void tick() {
		long now = System.nanoTime();
		long sent = this.pingSentAt;
		if (sent != 0 && now - sent >= this.timeoutNanos) {
			stop();
			this.onTimeout.run();
			return;
		}
		if (sent == 0 && now - this.lastPingAt >= this.intervalNanos) {
			byte[] payload = new byte[4];
			ThreadLocalRandom.current().nextBytes(payload);
			this.pingSentAt = now;
			this.lastPingAt = now;
			this.channel.writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(payload)));
		}
	}
}
