package dev.uvi.internal.http;

import dev.uvi.asgi.Headers;
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

	/** Writes the head of a streamed response. */
	CompletionStage<Void> writeHead(int status, Headers headers);

	/** Writes one chunk of a streamed response's body. */
	CompletionStage<Void> writeChunk(byte[] body);

	/** Ends a streamed response; the connection may serve the next request. */
	void complete();

	/** Closes the connection at once: the client sees a truncated response, or none. */
	void abort();
}
