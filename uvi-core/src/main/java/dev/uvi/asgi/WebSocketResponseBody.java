package dev.uvi.asgi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code websocket.http.response.body} (denial-response extension): a chunk of the denial body.
 * @param body the bytes of this chunk
 * @param moreBody true when more chunks follow
 */
public record WebSocketResponseBody(byte[] body, boolean moreBody) implements WebSocketOutbound {

	public WebSocketResponseBody {
		Objects.requireNonNull(body, "body");
	}

	@Override
	public String type() {
		return "websocket.http.response.body";
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof WebSocketResponseBody that) && this.moreBody == that.moreBody
				&& Bodies.equal(this.body, that.body);
	}

	@Override
	public int hashCode() {
		return 31 * Bodies.hash(this.body) + Boolean.hashCode(this.moreBody);
	}

	@Override
	public String toString() {
		return "WebSocketResponseBody[body=" + Bodies.describe(this.body) + ", moreBody=" + this.moreBody + "]";
	}
}
