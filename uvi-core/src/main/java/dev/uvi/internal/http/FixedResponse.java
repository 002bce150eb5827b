package dev.uvi.internal.http;

import dev.uvi.asgi.Headers;
import java.nio.charset.StandardCharsets;

/**
 * The server's own responses, with uvicorn's exact bodies: each {@code text/plain; charset=utf-8}
 * with a content-length and {@code connection: close}, because the server closes after sending one.
 */
enum FixedResponse {

	BAD_REQUEST(400, "Invalid HTTP request received."),

	/** The request head did not arrive within {@code timeout-request-header} (slowloris). */
	REQUEST_TIMEOUT(408, "Request Timeout"),

	/** The body is longer than {@code max-request-body-size}. */
	CONTENT_TOO_LARGE(413, "Content Too Large"),

	/** The request line is longer than {@code max-request-line-size}. */
	URI_TOO_LONG(414, "URI Too Long"),

	/** The header block is larger than {@code max-header-size}. */
	HEADER_FIELDS_TOO_LARGE(431, "Request Header Fields Too Large"),

	INTERNAL_SERVER_ERROR(500, "Internal Server Error"),

	SERVICE_UNAVAILABLE(503, "Service Unavailable"),

	/** A WebSocket handshake of a version other than 13 (RFC 6455 §4.4). */
	UPGRADE_REQUIRED(426, "Upgrade Required", "sec-websocket-version", "13");

	private final int status;

	private final byte[] body;

	private final Headers headers;

	FixedResponse(int status, String body, String... extraHeaders) {
		this.status = status;
		this.body = body.getBytes(StandardCharsets.US_ASCII);
		Headers.Builder headers = Headers.builder();
		for (int i = 0; i < extraHeaders.length; i += 2) {
			headers.add(extraHeaders[i], extraHeaders[i + 1]);
		}
		this.headers = headers.add("content-type", "text/plain; charset=utf-8")
			.add("content-length", Integer.toString(this.body.length))
			.add("connection", "close")
			.build();
	}

	int status() {
		return this.status;
	}

	Headers headers() {
		return this.headers;
	}

	/** @return a copy: the writer hands the array to Netty */
	byte[] body() {
		return this.body.clone();
	}
}
