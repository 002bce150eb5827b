package dev.uvi.asgi;

import org.jspecify.annotations.Nullable;

/**
 * {@code websocket.send}: one whole message to the client; exactly one of the two is set.
 * @param bytes the payload of a binary message, or null
 * @param text the payload of a text message, or null
 */
public record WebSocketSend(byte @Nullable [] bytes, @Nullable String text) implements WebSocketOutbound {

	public WebSocketSend {
		if ((bytes == null) == (text == null)) {
			throw new IllegalArgumentException("websocket.send: exactly one of bytes and text (expected: one set)");
		}
	}

	/** @return a text message */
	public static WebSocketSend text(String text) {
		return new WebSocketSend(null, text);
	}

	/** @return a binary message */
	public static WebSocketSend bytes(byte[] bytes) {
		return new WebSocketSend(bytes, null);
	}

	@Override
	public String type() {
		return "websocket.send";
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof WebSocketSend that) && Bodies.equal(this.bytes, that.bytes)
				&& java.util.Objects.equals(this.text, that.text);
	}

	@Override
	public int hashCode() {
		return 31 * Bodies.hash(this.bytes) + java.util.Objects.hashCode(this.text);
	}

	@Override
	public String toString() {
		return "WebSocketSend[" + ((this.text != null) ? "text=<" + this.text.length() + " chars>"
				: "bytes=" + Bodies.describe(this.bytes)) + "]";
	}
}
