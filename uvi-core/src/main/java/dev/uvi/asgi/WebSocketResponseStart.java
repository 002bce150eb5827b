package dev.uvi.asgi;

import java.util.Objects;

/**
 * {@code websocket.http.response.start} (denial-response extension): answer the handshake with a
 * plain HTTP response instead.
 * @param status the status code
 * @param headers the response headers
 */
public record WebSocketResponseStart(int status, Headers headers) implements WebSocketOutbound {

	public WebSocketResponseStart {
		Objects.requireNonNull(headers, "headers");
	}

	@Override
	public String type() {
		return "websocket.http.response.start";
	}
}
