package dev.uvi.internal.http;

import dev.uvi.asgi.Headers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a cycle writes, like uvicorn's MockTransport. */
final class RecordingWriter implements ResponseWriter {

	final List<String> events = new CopyOnWriteArrayList<>();

	@Override
	public CompletionStage<Void> writeFull(int status, Headers headers, byte[] body) {
		this.events.add("full " + status + " " + headers + " " + new String(body, StandardCharsets.ISO_8859_1));
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletionStage<Void> writeHead(int status, Headers headers, boolean trailers) {
		this.events.add("head " + status + " " + headers + (trailers ? " +trailers" : ""));
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletionStage<Void> writeChunk(byte[] body) {
		this.events.add("chunk " + new String(body, StandardCharsets.ISO_8859_1));
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletionStage<Void> writeFile(int status, Headers headers, Path path, long size) {
		this.events.add("file " + status + " " + headers + " " + path.getFileName() + " " + size);
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void complete(Headers trailers) {
		this.events.add(trailers.isEmpty() ? "complete" : "complete " + trailers);
	}

	@Override
	public void abort() {
		this.events.add("abort");
	}
}
