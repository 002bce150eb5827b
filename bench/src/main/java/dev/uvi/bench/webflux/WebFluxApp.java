package dev.uvi.bench.webflux;

import dev.uvi.bench.Digits;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import reactor.core.publisher.Flux;

/**
 * What a Java user would pick instead of uvi: Spring WebFlux on Netty with functional routes (no
 * annotation scanning of controllers), serving the benchmark routes. Event loops are sized with
 * {@code -Dreactor.netty.ioWorkerCount=1} by run.sh, as Boot uses reactor-netty's global resources.
 */
@SpringBootApplication
public class WebFluxApp {

	private static final MediaType TEXT = MediaType.parseMediaType("text/plain; charset=utf-8");

	public static void main(String[] args) {
		SpringApplication.run(WebFluxApp.class, args);
	}

	@Bean
	RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET("/", (request) -> ServerResponse.ok().contentType(TEXT).bodyValue("Hello, world!"))
			.POST("/echo", (request) -> ServerResponse.ok()
				.contentType(request.headers().contentType().orElse(MediaType.APPLICATION_OCTET_STREAM))
				.body(request.bodyToFlux(DataBuffer.class), DataBuffer.class))
			.GET("/download", (request) -> {
				long size = request.queryParam("size").map(Long::parseLong).orElse(1024L * 1024);
				return ServerResponse.ok()
					.contentType(MediaType.APPLICATION_OCTET_STREAM)
					.contentLength(size)
					.body(chunks(size), DataBuffer.class);
			})
			.build();
	}

	/** {@code /ws/echo}: WebFlux maps WebSockets through a handler mapping, not the router. */
	@Bean
	HandlerMapping webSocketMapping() {
		WebSocketHandler echo = (session) -> session.send(session.receive().map((message) -> message.retain()));
		return new SimpleUrlHandlerMapping(Map.of("/ws/echo", echo), -1);
	}

	private static Flux<DataBuffer> chunks(long size) {
		return Flux.generate(() -> 0L, (offset, sink) -> {
			if (offset >= size) {
				sink.complete();
				return offset;
			}
			int length = (int) Math.min(Digits.CHUNK_SIZE, size - offset);
			sink.next(DefaultDataBufferFactory.sharedInstance.wrap(Digits.bytes(offset, length)));
			return offset + length;
		});
	}
}
