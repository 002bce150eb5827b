package dev.uvi.asgi;

import java.util.Objects;

/**
 * {@code http.response.trailers} (ASGI extension): trailing headers after the body, sent only when
 * {@link HttpResponseStart#trailers()} was true.
 * @param headers the trailer fields
 * @param moreTrailers true when more trailer messages follow
 */
public record HttpResponseTrailers(Headers headers, boolean moreTrailers) implements HttpOutbound {

	public HttpResponseTrailers {
		Objects.requireNonNull(headers, "headers");
	}

	@Override
	public String type() {
		return "http.response.trailers";
	}
}
