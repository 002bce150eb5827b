package dev.uvi.internal.http;

import dev.uvi.asgi.Headers;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Writes a response through reactor-netty. A one-body response is one full message; a streamed one
 * is the head, then {@link DefaultHttpContent} chunks written straight to the channel, then the
 * completion of the handler's publisher, on which reactor-netty writes the last chunk. (Never
 * {@code sendObject(ByteBuf)} after the head: reactor-netty drops such buffers silently.)
 *
 * <p>A chunk's stage completes as {@link WriteCompletion} says, which keeps a fast application at
 * most a watermark ahead of a slow client. Chunks are written without a flush and flushed once at the
 * end of the event loop's current task, so the chunks (and the last chunk reactor-netty writes when the
 * response completes) sent in one turn reach the socket together. A pipeline-wide
 * {@code FlushConsolidationHandler} would do the same for every response, but it holds back the write
 * of a one-body response until the read completes, which keeps reactor-netty's request open until the
 * end of the request arrives: reading is then switched off and on again for every request (two
 * {@code epoll_ctl} calls each).
 */
final class NettyResponseWriter implements ResponseWriter {

	private final HttpServerResponse response;

	private final Channel channel;

	private final DefaultHeaders defaults;

	private final boolean head;

	/** A flush is queued on the event loop (only touched on the event loop). */
	private boolean flushPending;

	/** Completes the handler's publisher: reactor-netty then finishes the response. */
	private final CompletableFuture<Void> finished = new CompletableFuture<>();

	NettyResponseWriter(HttpServerResponse response, Channel channel, DefaultHeaders defaults, boolean head) {
		this.response = response;
		this.channel = channel;
		this.defaults = defaults;
		this.head = head;
	}

	/** @return what the reactor-netty handler returns: empty, completing when the response is done */
	Mono<Void> finished() {
		return Mono.fromFuture(this.finished, true);
	}

	/** @return true once the response is done: an application that answered at once needs no publisher */
	boolean isFinished() {
		return this.finished.isDone();
	}

	@Override
	public CompletionStage<Void> writeFull(int status, Headers headers, byte[] body) {
		HttpHeaders out = prepare(status, headers);
		if (this.head && !out.contains(HttpHeaderNames.CONTENT_LENGTH)
				&& !out.contains(HttpHeaderNames.TRANSFER_ENCODING) && status != 204 && status != 304) {
			out.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length); // what GET would have said
		}
		CompletionStage<Void> written = WriteCompletion.of(
				this.response.sendObject(this.head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body)));
		this.finished.complete(null);
		return written;
	}

	@Override
	public CompletionStage<Void> writeHead(int status, Headers headers, boolean trailers) {
		HttpHeaders out = prepare(status, headers);
		if (trailers && this.response.version().majorVersion() == 1) {
			out.remove(HttpHeaderNames.CONTENT_LENGTH); // HTTP/1.1 carries trailers in chunked framing only
		}
		if (!out.contains(HttpHeaderNames.CONTENT_LENGTH) && !out.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
			out.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
		}
		return WriteCompletion.of(this.response.then());
	}

	@Override
	public CompletionStage<Void> writeChunk(byte[] body) {
		DefaultHttpContent chunk = new DefaultHttpContent(Unpooled.wrappedBuffer(body));
		if (!this.channel.eventLoop().inEventLoop()) {
			return WriteCompletion.of(this.channel.writeAndFlush(chunk), this.channel); // one task per write anyway
		}
		ChannelFuture write = this.channel.write(chunk);
		if (!this.flushPending) {
			this.flushPending = true;
			this.channel.eventLoop().execute(this::flush); // after the current task: the loop runs tasks in order
		}
		return WriteCompletion.of(write, this.channel);
	}

	private void flush() {
		this.flushPending = false;
		this.channel.flush();
	}

	@Override
	public CompletionStage<Void> writeFile(int status, Headers headers, Path path, long size) {
		HttpHeaders out = prepare(status, headers);
		out.remove(HttpHeaderNames.TRANSFER_ENCODING);
		if (!out.contains(HttpHeaderNames.CONTENT_LENGTH)) {
			out.set(HttpHeaderNames.CONTENT_LENGTH, size);
		}
		CompletableFuture<Void> written = new CompletableFuture<>();
		Mono<Void> send = this.head ? this.response.send().then() : this.response.sendFile(path, 0, size).then();
		send.subscribe(null, (error) -> {
			written.complete(null);
			abort();
		}, () -> {
			written.complete(null);
			this.finished.complete(null);
		});
		return written;
	}

	@Override
	public void complete(Headers trailers) {
		if (!trailers.isEmpty()) {
			this.response.trailerHeaders((out) -> trailers.forEach(out::add));
		}
		this.finished.complete(null);
	}

	@Override
	public void abort() {
		this.channel.flush(); // the chunks written so far go out before the close, as they would have
		this.channel.close();
		this.finished.complete(null);
	}

	private HttpHeaders prepare(int status, Headers headers) {
		this.response.status(status);
		HttpHeaders out = this.response.responseHeaders();
		out.clear(); // reactor-netty pre-sets transfer-encoding: chunked
		this.defaults.addTo(out);
		for (int i = 0; i < headers.size(); i++) {
			out.add(NettyHeaderNames.of(headers.name(i)), headers.value(i));
		}
		return out;
	}
}
