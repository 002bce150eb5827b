package dev.uvi.internal.http;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponsePathSend;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.HttpResponseTrailers;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.InboundMessage;
import dev.uvi.asgi.OutboundMessage;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Send;
import dev.uvi.internal.StageFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request/response cycle: checks the order of the application's messages, frames the body, and
 * applies uvicorn's error policy. An error before {@code http.response.start} (or returning without
 * one) gets the fixed 500 and a closed connection; an error after it, or returning mid-body, closes
 * the connection; a content-length the body does not match closes it too.
 *
 * <p>The head is held back until the first body message, so that the common one-body response goes
 * out in a single write with its content-length.
 */
final class HttpCycle implements Receive, Send {

	private static final Logger logger = LoggerFactory.getLogger(ServerLoggers.ERROR);

	private enum State {

		/** Nothing sent yet. */
		AWAITING_START,

		/** {@code http.response.start} taken; the head waits for the first body message. */
		HEAD_PENDING,

		/** Head written; body chunks follow. */
		STREAMING,

		/** The last body chunk was sent; the trailers the start announced are still to come. */
		TRAILERS,

		/** The response is complete. */
		COMPLETE,

		/** The connection was closed (by the client or after an error): nothing more is written. */
		CLOSED
	}

	private final ResponseWriter writer;

	private final RequestBodyReceiver body;

	private final boolean head;

	/** Told the status when the response starts: the access log. */
	private final IntConsumer onStart;

	private State state = State.AWAITING_START;

	private int status;

	private Headers headers = Headers.empty();

	/** The application's content-length, or -1 when it gave none (or chose chunked). */
	private long expectedLength = -1;

	private long sentLength;

	/** Body bytes handed to the writer, for the access log and metrics (content-length checks use sentLength). */
	private long responseBytes;

	/** What the application threw, for the access log and metrics. */
	private volatile @Nullable Throwable failure;

	/** The start announced {@code http.response.trailers}. */
	private boolean trailers;

	/** Made when the first trailers arrive: most responses have none. */
	private Headers.@Nullable Builder trailerHeaders;

	/**
	 * @param writer where the response goes
	 * @param body the request body
	 * @param head true for a HEAD request: no body bytes are written
	 * @param onStart told the status when the response starts
	 */
	HttpCycle(ResponseWriter writer, RequestBodyReceiver body, boolean head, IntConsumer onStart) {
		this.writer = writer;
		this.body = body;
		this.head = head;
		this.onStart = onStart;
	}

	/** Calls the application and applies the error policy when it is done. */
	void run(AsgiApplication application, HttpScope scope) {
		CompletionStage<Void> result;
		try {
			result = application.call(scope, this, this);
		}
		catch (Throwable ex) {
			result = CompletableFuture.failedFuture(ex);
		}
		if (result instanceof CompletableFuture<Void> future) {
			// a chain on WriteCompletion.DONE is a minimal stage: its own isDone refuses to answer,
			// its toCompletableFuture copies a result it has
			CompletableFuture<Void> plain = future.toCompletableFuture();
			if (plain.isDone() && !plain.isCompletedExceptionally()) {
				finish(null); // the common answer-at-once application: no dependent stage
				return;
			}
			result = plain;
		}
		result.whenComplete((ignored, error) -> finish(error));
	}

	/**
	 * Shutdown ran out of time: a response that has not started gets the fixed 500 (uvicorn's answer to
	 * a cancelled task), one that has is cut off.
	 */
	void cancel() {
		cancel(FixedResponse.INTERNAL_SERVER_ERROR);
	}

	/** Ends the request for the server's own reason: {@code answer} if no response has started, else a reset. */
	void cancel(FixedResponse answer) {
		State before;
		synchronized (this) {
			before = this.state;
			if (before != State.COMPLETE) {
				this.state = State.CLOSED;
			}
		}
		if (before == State.AWAITING_START) {
			respondWith(answer);
		}
		else if (before == State.HEAD_PENDING || before == State.STREAMING || before == State.TRAILERS) {
			this.writer.abort();
		}
		this.body.end();
	}

	/** @return true until the response is complete or the connection closed */
	synchronized boolean isInFlight() {
		return this.state != State.COMPLETE && this.state != State.CLOSED;
	}

	/** The connection closed under the request: the application will see {@code http.disconnect}. */
	void disconnected() {
		synchronized (this) {
			if (this.state != State.COMPLETE) {
				this.state = State.CLOSED;
			}
		}
		this.body.end();
	}

	@Override
	public CompletionStage<InboundMessage> receive() {
		return this.body.receive();
	}

	@Override
	public CompletionStage<Void> send(OutboundMessage message) {
		synchronized (this) {
			switch (this.state) {
				case AWAITING_START:
					if (!(message instanceof HttpResponseStart start)) {
						return misordered("http.response.start", message);
					}
					return start(start);
				case HEAD_PENDING:
					if (message instanceof HttpResponsePathSend file) {
						return file(file);
					}
					if (!(message instanceof HttpResponseBody chunk)) {
						return misordered("http.response.body", message);
					}
					return body(chunk);
				case STREAMING:
					if (!(message instanceof HttpResponseBody chunk)) {
						return misordered("http.response.body", message);
					}
					return body(chunk);
				case TRAILERS:
					if (!(message instanceof HttpResponseTrailers more)) {
						return misordered("http.response.trailers", message);
					}
					return trailers(more);
				case COMPLETE:
					return failed(new IllegalStateException(
							"Unexpected ASGI message '" + message.type() + "' sent, after response already completed."));
				default:
					return WriteCompletion.DONE; // the client has gone: ignored, as uvicorn does (ASGI spec 2.3)
			}
		}
	}

	private CompletionStage<Void> start(HttpResponseStart start) {
		if (start.status() < 100 || start.status() > 999) {
			return abort(new IllegalStateException("Invalid HTTP status code '" + start.status() + "' in response."));
		}
		Headers given = start.headers();
		int invalid = given.firstInvalid();
		if (invalid >= 0) {
			// logged here as well: an application that ignores the failed send must not hide a splitting attempt
			String problem = Headers.isValidName(given.name(invalid)) ? "value" : "name";
			logger.error("Response refused, connection closed: invalid header {} from the application", problem);
			return abort(new IllegalStateException("Invalid HTTP header " + problem + "."));
		}
		this.trailers = start.trailers();
		this.status = start.status();
		this.headers = given;
		String transferEncoding = given.get("transfer-encoding");
		String contentLength = given.get("content-length");
		if (transferEncoding != null && transferEncoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
			this.headers = given.without("content-length"); // chunked wins, as in uvicorn
		}
		else if (contentLength != null) {
			try {
				this.expectedLength = Long.parseLong(contentLength.trim());
			}
			catch (NumberFormatException ex) {
				return abort(new IllegalStateException("Invalid content-length '" + contentLength + "' in response."));
			}
		}
		this.state = State.HEAD_PENDING;
		return WriteCompletion.DONE;
	}

	private CompletionStage<Void> body(HttpResponseBody chunk) {
		byte[] bytes = chunk.body();
		boolean last = !chunk.moreBody();
		if (!this.head) {
			this.responseBytes += bytes.length;
		}
		if (!this.head && this.expectedLength >= 0) {
			this.sentLength += bytes.length;
			if (this.sentLength > this.expectedLength) {
				return abort(new IllegalStateException("Response content longer than Content-Length"));
			}
			if (last && this.sentLength < this.expectedLength) {
				return abort(new IllegalStateException("Response content shorter than Content-Length"));
			}
		}
		if (this.state == State.HEAD_PENDING) {
			this.onStart.accept(this.status);
			if (last && !this.trailers) {
				this.state = State.COMPLETE;
				CompletionStage<Void> written = this.writer.writeFull(this.status, this.headers, bytes);
				this.body.end();
				return written;
			}
			this.state = State.STREAMING;
			CompletionStage<Void> headWritten = this.writer.writeHead(this.status, this.headers, this.trailers);
			CompletionStage<Void> written = (bytes.length == 0 || this.head) ? headWritten
					: this.writer.writeChunk(bytes);
			if (last) {
				bodyDone();
			}
			return written;
		}
		CompletionStage<Void> written = (bytes.length == 0 || this.head) ? WriteCompletion.DONE
				: this.writer.writeChunk(bytes);
		if (last) {
			bodyDone();
		}
		return written;
	}

	/** The last chunk went out: complete now, or wait for the trailers the start announced. */
	private void bodyDone() {
		if (this.trailers) {
			this.state = State.TRAILERS;
			return;
		}
		this.state = State.COMPLETE;
		this.writer.complete(Headers.empty());
		this.body.end();
	}

	private CompletionStage<Void> trailers(HttpResponseTrailers message) {
		if (message.headers().firstInvalid() >= 0) {
			return abort(new IllegalStateException("Invalid HTTP trailer."));
		}
		Headers.Builder collected = this.trailerHeaders;
		if (collected == null) {
			collected = Headers.builder();
			this.trailerHeaders = collected;
		}
		collected.addAll(message.headers());
		if (!message.moreTrailers()) {
			this.state = State.COMPLETE;
			this.writer.complete(collected.build());
			this.body.end();
		}
		return WriteCompletion.DONE;
	}

	/** {@code http.response.pathsend}: the whole body is a file, sent zero-copy where the transport allows. */
	private CompletionStage<Void> file(HttpResponsePathSend message) {
		Path path = Path.of(message.path());
		if (!path.isAbsolute() || !Files.isRegularFile(path) || !Files.isReadable(path)) {
			return abort(new IllegalStateException("http.response.pathsend: no readable file at '" + message.path()
					+ "' (expected: an absolute path)"));
		}
		long size;
		try {
			size = Files.size(path);
		}
		catch (IOException ex) {
			return abort(new IllegalStateException("http.response.pathsend: cannot read '" + message.path() + "'", ex));
		}
		this.onStart.accept(this.status);
		this.state = State.COMPLETE;
		this.responseBytes = this.head ? 0 : size;
		CompletionStage<Void> written = this.writer.writeFile(this.status, this.headers, path, size);
		this.body.end();
		return written;
	}

	/** The application is done (with this error, or none): uvicorn's error policy. */
	void finish(@Nullable Throwable error) {
		State finalState;
		synchronized (this) {
			finalState = this.state;
			if (finalState != State.COMPLETE || error != null) {
				this.state = State.CLOSED;
			}
		}
		Throwable cause = (error != null) ? StageFailure.cause(error) : null;
		if (cause != null) {
			this.failure = cause;
			logger.error("Exception in ASGI application", cause);
		}
		switch (finalState) {
			case AWAITING_START:
				if (cause == null) {
					logger.error("ASGI callable returned without starting response.");
				}
				respondWith(FixedResponse.INTERNAL_SERVER_ERROR);
				break;
			case HEAD_PENDING:
			case STREAMING:
			case TRAILERS:
				if (cause == null) {
					logger.error("ASGI callable returned without completing response.");
				}
				this.writer.abort();
				break;
			case COMPLETE:
				if (cause != null) {
					this.writer.abort(); // uvicorn closes the transport on any application exception
				}
				break;
			default:
				break;
		}
		this.body.end();
	}

	/** The server answers instead of the application (the 500s): that is the status and body the log reports. */
	private void respondWith(FixedResponse response) {
		byte[] body = response.body();
		synchronized (this) {
			this.status = response.status();
			this.headers = response.headers();
			this.responseBytes = this.head ? 0 : body.length;
		}
		this.onStart.accept(response.status());
		this.writer.writeFull(response.status(), response.headers(), body);
	}

	/** @return the status of the response, 0 while none has started */
	synchronized int status() {
		return (this.state == State.AWAITING_START) ? 0 : this.status;
	}

	/** @return the application's response headers, empty while none started */
	synchronized Headers responseHeaders() {
		return this.headers;
	}

	/** @return the body bytes sent (none for HEAD) */
	synchronized long responseBytes() {
		return this.responseBytes;
	}

	/** @return what the application threw, or null */
	@Nullable Throwable failure() {
		return this.failure;
	}

	/** @return true once the whole response went to the writer */
	synchronized boolean isComplete() {
		return this.state == State.COMPLETE;
	}

	/** uvicorn's wording, so its tests and issues can be searched for the same text. */
	private CompletionStage<Void> misordered(String expected, OutboundMessage actual) {
		IllegalStateException error = new IllegalStateException(
				"Expected ASGI message '" + expected + "', but got '" + actual.type() + "'.");
		return (this.state == State.AWAITING_START) ? failed(error) : abort(error);
	}

	/** A broken response can only be ended by closing: nothing more of it may reach the client. */
	private CompletionStage<Void> abort(IllegalStateException error) {
		this.state = State.CLOSED;
		this.writer.abort();
		this.body.end();
		return failed(error);
	}

	private static CompletionStage<Void> failed(Throwable error) {
		return CompletableFuture.failedFuture(error);
	}
}
