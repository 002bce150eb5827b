package dev.uvi.asgi;

import org.jspecify.annotations.Nullable;

/**
 * {@code websocket.receive}: one whole message from the client; exactly one of the two is set.
 * @param bytes the payload of a binary message, or null
 * @param text the payload of a text message, or null
 */
public record WebSocketReceive(byte @Nullable [] bytes, @Nullable String text) implements WebSocketInbound {

	public WebSocketReceive {
		if ((bytes == null) == (text == null)) {
			throw new IllegalArgumentException("websocket.receive: exactly one of bytes and text (expected: one set)");
		}
	}

	@Override
	public String type() {
		return "websocket.receive";
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof WebSocketReceive that) && Bodies.equal(this.bytes, that.bytes)
				&& java.util.Objects.equals(this.text, that.text);
	}

	@Override
	public int hashCode() {
		return 31 * Bodies.hash(this.bytes) + java.util.Objects.hashCode(this.text);
	}

	@Override
	public String toString() {
		return "WebSocketReceive[" + ((this.text != null) ? "text=<" + this.text.length() + " chars>"
				: "bytes=" + Bodies.describe(this.bytes)) + "]";
	}
}
