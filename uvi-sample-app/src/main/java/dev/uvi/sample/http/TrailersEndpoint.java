package dev.uvi.sample.http;

import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.HttpResponseTrailers;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /trailers}: a body, then an {@code x-checksum} trailer with its SHA-256, through the
 * {@code http.response.trailers} extension (chunked on HTTP/1.1, trailing HEADERS on HTTP/2).
 */
public class TrailersEndpoint {

	static final byte[] BODY = "a body whose checksum follows it\n".getBytes(StandardCharsets.UTF_8);

	/** Sends the start announcing trailers, the body, then the trailer. */
	public CompletionStage<Void> trailers(Scope scope, Receive receive, Send send) {
		return send.send(new HttpResponseStart(200, Headers.of("content-type", "text/plain; charset=utf-8"), true))
			.thenCompose((v) -> send.send(HttpResponseBody.last(BODY)))
			.thenCompose((v) -> send.send(new HttpResponseTrailers(Headers.of("x-checksum", sha256(BODY)), false)));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}
}
