package dev.uvi.asgi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code http.request}: one chunk of the request body.
 * @param body the bytes of this chunk, possibly empty
 * @param moreBody true when more chunks follow
 */
public record HttpRequest(byte[] body, boolean moreBody) implements HttpInbound {

	public HttpRequest {
		Objects.requireNonNull(body, "body");
	}

	@Override
	public String type() {
		return "http.request";
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof HttpRequest that) && this.moreBody == that.moreBody
				&& Bodies.equal(this.body, that.body);
	}

	@Override
	public int hashCode() {
		return 31 * Bodies.hash(this.body) + Boolean.hashCode(this.moreBody);
	}

	@Override
	public String toString() {
		return "HttpRequest[body=" + Bodies.describe(this.body) + ", moreBody=" + this.moreBody + "]";
	}
}
