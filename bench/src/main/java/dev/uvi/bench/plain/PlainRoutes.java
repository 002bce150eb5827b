package dev.uvi.bench.plain;

import dev.uvi.bench.Digits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The four benchmark routes written the way a reactor-netty user would, dispatched by a plain
 * {@code switch} rather than {@code HttpServer.route}, so this stays the fastest honest baseline.
 */
final class PlainRoutes implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private static final byte[] HELLO = "Hello, world!".getBytes(StandardCharsets.US_ASCII);


	private final DateHeader date = new DateHeader();

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		response.header(HttpHeaderNames.DATE, this.date.value()).header(HttpHeaderNames.SERVER, "plain");
		String uri = request.uri();
		int query = uri.indexOf('?');
		String path = (query < 0) ? uri : uri.substring(0, query);
		String method = request.method().name();
		switch (path) {
			case "/":
				return method.equals("GET") ? hello(response) : notFound(response);
			case "/echo":
				return method.equals("POST") ? echo(request, response) : notFound(response);
			case "/download":
				return method.equals("GET") ? download(uri, response) : notFound(response);
			case "/ws/echo":
				return response.sendWebsocket((in, out) -> out.sendObject(
						in.receiveFrames().filter(PlainRoutes::isData).map(WebSocketFrame::retain)));
			default:
				return notFound(response);
		}
	}

	private static Publisher<Void> hello(HttpServerResponse response) {
		return response.header(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
			.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(HELLO.length))
			.sendObject(Unpooled.wrappedBuffer(HELLO));
	}

	/** Streams the body back as it arrives: chunked, like the sample's {@code EchoEndpoint}. */
	private static Publisher<Void> echo(HttpServerRequest request, HttpServerResponse response) {
		String type = request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
		return response.header(HttpHeaderNames.CONTENT_TYPE, type).send(request.receive().retain());
	}

	/** 64 KiB chunks made on demand, each only when Netty asks for it (back-pressure). */
	private static Publisher<Void> download(String uri, HttpServerResponse response) {
		long size = Digits.sizeParameter(uri);
		Flux<ByteBuf> chunks = Flux.generate(() -> 0L, (offset, sink) -> {
			if (offset >= size) {
				sink.complete();
				return offset;
			}
			int length = (int) Math.min(Digits.CHUNK_SIZE, size - offset);
			sink.next(Unpooled.wrappedBuffer(Digits.bytes(offset, length)));
			return offset + length;
		});
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream")
			.header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(size))
			.send(chunks);
	}

	private static Publisher<Void> notFound(HttpServerResponse response) {
		return response.status(HttpResponseStatus.NOT_FOUND).sendString(Mono.just("Not Found"));
	}

	private static boolean isData(WebSocketFrame frame) {
		return frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame;
	}
}
