package dev.uvi.sample.http;

import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import dev.uvi.http.Responses;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /download?size=N}: N bytes of {@code 0123456789…} with a {@code content-length}, produced
 * 64 KiB at a time, each chunk only after the server took the previous one. A slow reader therefore
 * stalls the producer instead of filling memory; {@link #bytesProduced()} lets tests watch that.
 */
public class DownloadEndpoint {

	/** Bytes per body message. */
	static final int CHUNK_SIZE = 64 * 1024;

	/** The size when the query gives none: 1 MiB. */
	static final long DEFAULT_SIZE = 1024 * 1024;

	private final AtomicLong produced = new AtomicLong();

	/** Streams the body; {@code 400} when {@code size} is not a non-negative integer. */
	public CompletionStage<Void> download(Scope scope, Receive receive, Send send) {
		long size;
		try {
			size = Query.number((HttpScope) scope, "size", DEFAULT_SIZE, Long.MAX_VALUE);
		}
		catch (IllegalArgumentException ex) {
			return Responses.text(send, 400, ex.getMessage());
		}
		long[] offset = new long[1]; // the source is asked for one chunk at a time
		Headers headers = Headers.of("content-type", "application/octet-stream", "content-length",
				Long.toString(size));
		return Responses.stream(send, 200, headers, () -> {
			if (offset[0] == size) {
				return CompletableFuture.completedFuture(null);
			}
			int length = (int) Math.min(CHUNK_SIZE, size - offset[0]);
			byte[] chunk = DigitPattern.bytes(offset[0], length);
			offset[0] += length;
			this.produced.addAndGet(length);
			return CompletableFuture.completedFuture(chunk);
		});
	}

	/** @return the bytes handed to the server so far, over all downloads of this endpoint */
	public long bytesProduced() {
		return this.produced.get();
	}
}
