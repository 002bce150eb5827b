package dev.uvi;

import dev.uvi.asgi.Headers;
import dev.uvi.server.UviConfig;
import dev.uvi.server.WebSocketConfig;

/**
 * What the flags write into: a {@link UviConfig.Builder}, plus the two values the builder only takes
 * whole (the WebSocket settings and the extra headers, which several flags build up), and the runner's
 * own {@code --factory}.
 */
final class Settings {

	final UviConfig.Builder config = UviConfig.builder();

	WebSocketConfig ws = WebSocketConfig.defaults();

	Headers headers = Headers.empty();

	boolean factory;

	/** uvicorn's {@code --header} form, split on the first colon; unlike uvicorn (and like the starter) the value is trimmed. */
	void addHeader(String header) {
		int colon = header.indexOf(':');
		if (colon < 0) {
			throw new IllegalArgumentException("(expected: 'Name: Value')");
		}
		Headers headers = this.headers.with(header.substring(0, colon), header.substring(colon + 1).strip());
		this.config.headers(headers);
		this.headers = headers;
	}

	void wsMaxQueue(int maxQueue) {
		WebSocketConfig ws = this.ws;
		this.ws = new WebSocketConfig(ws.enabled(), ws.maxSize(), maxQueue, ws.pingInterval(), ws.pingTimeout(),
				ws.perMessageDeflate());
	}

	void wsPerMessageDeflate(boolean deflate) {
		WebSocketConfig ws = this.ws;
		this.ws = new WebSocketConfig(ws.enabled(), ws.maxSize(), ws.maxQueue(), ws.pingInterval(), ws.pingTimeout(),
				deflate);
	}

	UviConfig build() {
		return this.config.ws(this.ws).build();
	}
}
