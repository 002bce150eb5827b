package dev.uvi.internal.http;

import dev.uvi.asgi.Headers;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;

/**
 * The narrow port through which {@link HttpCycle} writes a response, so that the cycle's rules can be
 * tested without sockets. Stages complete when the bytes are handed to the socket or are buffered
 * under the write watermark; a write to a connection that has gone completes too (the cycle learns
 * of the disconnect separately), as uvicorn's {@code send()} ignores a gone client.
 */
interface ResponseWriter {

	/** Writes a whole response in one go: head and the complete body. */
	CompletionStage<Void> writeFull(int status, Headers headers, byte[] body);

	/**
	 * Writes the head of a streamed response.
	 * @param trailers true when trailers will follow the body (HTTP/1.1 then needs chunked framing)
	 */
	CompletionStage<Void> writeHead(int status, Headers headers, boolean trailers);

	/** Writes one chunk of a streamed response's body. */
	CompletionStage<Void> writeChunk(byte[] body);

	/** Writes a whole response whose body is the file at {@code path}, zero-copy where the transport allows. */
	CompletionStage<Void> writeFile(int status, Headers headers, Path path, long size);

	/** Ends a streamed response, with these trailers (empty for none); the connection may serve the next request. */
	void complete(Headers trailers);

	/** Closes the connection at once: the client sees a truncated response, or none. */
	void abort();
}
