package dev.uvi.internal.http;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A connection's deadline that is set and cleared on every request and rarely reached: the request
 * head's timeout and the keep-alive timeout. Setting it records the time; one scheduled task per
 * connection checks it when it fires and schedules itself again for what is left, so a busy
 * connection schedules nothing per request. (reactor-netty's {@code idleTimeout} adds a handler to the
 * pipeline and schedules a task for every request: about 8% of {@code GET /}'s throughput.)
 * Touched on the connection's event loop only.
 */
final class ConnectionDeadline {

	private final long timeoutNanos;

	private final Runnable onExpiry;

	/** When the deadline was set (nanoTime), 0 while it is not set. */
	private long since;

	private @Nullable ScheduledFuture<?> timer;

	private @Nullable EventExecutor executor;

	/**
	 * @param timeoutNanos how long after being set the deadline expires
	 * @param onExpiry what to do then, on the event loop
	 */
	ConnectionDeadline(long timeoutNanos, Runnable onExpiry) {
		this.timeoutNanos = timeoutNanos;
		this.onExpiry = onExpiry;
	}

	/** Sets the deadline to the timeout from now. */
	void set(EventExecutor executor) {
		this.since = System.nanoTime();
		if (this.timer == null) {
			this.executor = executor;
			this.timer = executor.schedule(this::fired, this.timeoutNanos, TimeUnit.NANOSECONDS);
		}
	}

	/** Clears the deadline; the task already scheduled finds it cleared and stops. */
	void clear() {
		this.since = 0;
	}

	/** @return true while the deadline is set */
	boolean isSet() {
		return this.since != 0;
	}

	/** Clears the deadline and cancels its task: the connection is done with it. */
	void cancel() {
		this.since = 0;
		ScheduledFuture<?> scheduled = this.timer;
		if (scheduled != null) {
			scheduled.cancel(false);
			this.timer = null;
		}
	}

	private void fired() {
		this.timer = null;
		if (this.since == 0) {
			return;
		}
		long left = this.timeoutNanos - (System.nanoTime() - this.since);
		EventExecutor loop = this.executor;
		if (left > 0 && loop != null) {
			this.timer = loop.schedule(this::fired, left, TimeUnit.NANOSECONDS);
			return;
		}
		this.since = 0;
		this.onExpiry.run();
	}
}
