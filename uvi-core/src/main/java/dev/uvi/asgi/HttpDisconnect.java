package dev.uvi.asgi;

/** {@code http.disconnect}: the client has gone, or the response is complete and the body was read. */
public record HttpDisconnect() implements HttpInbound {

	@Override
	public String type() {
		return "http.disconnect";
	}
}
