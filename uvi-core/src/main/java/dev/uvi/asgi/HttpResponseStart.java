package dev.uvi.asgi;

import java.util.Objects;

/**
 * {@code http.response.start}: the status and headers of the response.
 * @param status the status code
 * @param headers the response headers (the server adds {@code date}, {@code server} and configured ones)
 * @param trailers true when the application will send {@code http.response.trailers} after the body
 */
public record HttpResponseStart(int status, Headers headers, boolean trailers) implements HttpOutbound {

	public HttpResponseStart {
		Objects.requireNonNull(headers, "headers");
	}

	/** @return a start without trailers */
	public static HttpResponseStart of(int status, Headers headers) {
		return new HttpResponseStart(status, headers, false);
	}

	@Override
	public String type() {
		return "http.response.start";
	}
}
