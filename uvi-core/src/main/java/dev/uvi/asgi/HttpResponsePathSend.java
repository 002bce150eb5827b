package dev.uvi.asgi;

import java.util.Objects;

/**
 * {@code http.response.pathsend} (ASGI extension): the whole body is the file at {@code path}, which
 * the server may send without copying it through the application.
 * @param path an absolute file path
 */
public record HttpResponsePathSend(String path) implements HttpOutbound {

	public HttpResponsePathSend {
		Objects.requireNonNull(path, "path");
	}

	@Override
	public String type() {
		return "http.response.pathsend";
	}
}
