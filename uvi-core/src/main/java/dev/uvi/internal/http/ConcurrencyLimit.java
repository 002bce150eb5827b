package dev.uvi.internal.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code limit-concurrency}, shared by every connection of one server. Counted: open TCP connections
 * (idle keep-alive ones and WebSockets included) and requests whose head has been read and whose
 * response has not ended. A new request is refused with uvicorn's 503 when more than the limit of
 * connections are open (its own included) or the limit of requests is already in progress; uvicorn
 * refuses one earlier ({@code connections >= N}), so that its N=1 serves nothing, where here it
 * serves one connection at a time. WebSocket handshakes are never refused, as in uvicorn. An HTTP/2
 * stream counts as a request; its connection is not counted (no HTTP/1.1 guard sees it open).
 */
final class ConcurrencyLimit {

	/** No limit: every request is admitted, nothing is counted. */
	static final ConcurrencyLimit NONE = new ConcurrencyLimit(0);

	/** @return the limit of this configuration, {@link #NONE} for none */
	static ConcurrencyLimit of(int limit) {
		return (limit > 0) ? new ConcurrencyLimit(limit) : NONE;
	}

	private final int limit;

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger requests = new AtomicInteger();

	/** @param limit the limit, 0 for none */
	ConcurrencyLimit(int limit) {
		this.limit = limit;
	}

	void connectionOpened() {
		if (this.limit > 0) {
			this.connections.incrementAndGet();
		}
	}

	void connectionClosed() {
		if (this.limit > 0) {
			this.connections.decrementAndGet();
		}
	}

	/** @return true, counting the request, when it may be served; false when it gets the 503 */
	boolean tryStartRequest() {
		if (this.limit <= 0) {
			return true;
		}
		if (this.connections.get() > this.limit) {
			return false;
		}
		while (true) {
			int current = this.requests.get();
			if (current >= this.limit) {
				return false;
			}
			if (this.requests.compareAndSet(current, current + 1)) {
				return true;
			}
		}
	}

	/** Counts a request that the limit does not refuse: a WebSocket handshake. */
	void startRequestUnchecked() {
		if (this.limit > 0) {
			this.requests.incrementAndGet();
		}
	}

	/** A request admitted by {@link #tryStartRequest()} has ended (its response is out, or the connection closed). */
	void requestEnded() {
		if (this.limit > 0) {
			this.requests.decrementAndGet();
		}
	}
}
