package dev.uvi.asgi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code http.response.body}: one chunk of the response body.
 * @param body the bytes of this chunk, possibly empty
 * @param moreBody true when more chunks follow; false completes the response
 */
public record HttpResponseBody(byte[] body, boolean moreBody) implements HttpOutbound {

	public HttpResponseBody {
		Objects.requireNonNull(body, "body");
	}

	/** @return the last chunk of a body */
	public static HttpResponseBody last(byte[] body) {
		return new HttpResponseBody(body, false);
	}

	/** @return a chunk that more chunks follow */
	public static HttpResponseBody chunk(byte[] body) {
		return new HttpResponseBody(body, true);
	}

	/** @return an empty last chunk, which completes a streamed response */
	public static HttpResponseBody end() {
		return new HttpResponseBody(Bodies.EMPTY, false);
	}

	@Override
	public String type() {
		return "http.response.body";
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof HttpResponseBody that) && this.moreBody == that.moreBody
				&& Bodies.equal(this.body, that.body);
	}

	@Override
	public int hashCode() {
		return 31 * Bodies.hash(this.body) + Boolean.hashCode(this.moreBody);
	}

	@Override
	public String toString() {
		return "HttpResponseBody[body=" + Bodies.describe(this.body) + ", moreBody=" + this.moreBody + "]";
	}
}
