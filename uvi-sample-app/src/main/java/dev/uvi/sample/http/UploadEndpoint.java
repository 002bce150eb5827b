package dev.uvi.sample.http;

import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import dev.uvi.http.RequestBodies;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /upload}: reads the body chunk by chunk, hashing as it goes, and answers its size and
 * SHA-256; memory stays flat whatever the upload's size.
 */
public class UploadEndpoint {

	/** Answers {@code {"bytes": N, "sha256": "<hex>"}}. */
	public CompletionStage<Void> upload(Scope scope, Receive receive, Send send) {
		MessageDigest sha256 = sha256();
		return Disconnects.ignored(RequestBodies.forEachChunk(receive, (chunk) -> {
			sha256.update(chunk);
			return CompletableFuture.completedFuture(null);
		}).thenCompose((total) -> {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("bytes", total);
			result.put("sha256", HexFormat.of().formatHex(sha256.digest()));
			return Json.send(send, 200, result);
		}));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256: missing (expected: in every JRE)", ex);
		}
	}
}
