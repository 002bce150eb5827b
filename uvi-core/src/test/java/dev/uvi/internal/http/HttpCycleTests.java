package dev.uvi.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.HttpScope;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** The cycle's rules without sockets: feed messages in, look at what was written. */
class HttpCycleTests {

	private final RecordingWriter writer = new RecordingWriter();

	private final AtomicReference<Throwable> sendError = new AtomicReference<>();

	private HttpCycle cycle(String method) {
		return new HttpCycle(this.writer, new RequestBodyReceiver(Flux::empty, 0), "HEAD".equals(method),
				(status) -> this.writer.events.add("access " + status));
	}

	private static HttpScope scope(String method) {
		return new HttpScope("1.1", method, "http", "/", "/", "", "", Headers.empty(), null, null, Map.of(), Map.of());
	}

	private void run(AsgiApplication app) {
		cycle("GET").run(app, scope("GET"));
	}

	private CompletionStage<Void> remember(CompletionStage<Void> stage) {
		return stage.whenComplete((v, error) -> this.sendError.compareAndSet(null, error));
	}

	private static byte[] text(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void oneBodyResponseIsWrittenInOneGo() {
		run((scope, receive, send) -> send.send(HttpResponseStart.of(200, Headers.of("a", "1")))
			.thenCompose((v) -> send.send(HttpResponseBody.last(text("hi")))));
		assertThat(this.writer.events).containsExactly("access 200", "full 200 Headers[a: 1] hi");
	}

	@Test
	void streamedResponseIsHeadChunksThenComplete() {
		run((scope, receive, send) -> send.send(HttpResponseStart.of(200, Headers.empty()))
			.thenCompose((v) -> send.send(HttpResponseBody.chunk(text("a"))))
			.thenCompose((v) -> send.send(HttpResponseBody.chunk(text("b"))))
			.thenCompose((v) -> send.send(HttpResponseBody.end())));
		assertThat(this.writer.events).containsExactly("access 200", "head 200 Headers[]", "chunk a", "chunk b", "complete");
	}

	@Test
	void headRequestWritesNoBodyBytes() {
		cycle("HEAD").run((scope, receive, send) -> send.send(HttpResponseStart.of(200, Headers.empty()))
			.thenCompose((v) -> send.send(HttpResponseBody.chunk(text("a"))))
			.thenCompose((v) -> send.send(HttpResponseBody.end())), scope("HEAD"));
		assertThat(this.writer.events).containsExactly("access 200", "head 200 Headers[]", "complete");
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_duplicate_start_message
	void secondStartClosesTheConnectionWithoutA500() {
		run((scope, receive, send) -> send.send(HttpResponseStart.of(200, Headers.empty()))
			.thenCompose((v) -> remember(send.send(HttpResponseStart.of(200, Headers.empty())))));
		assertThat(this.writer.events).containsExactly("abort");
		assertThat(this.sendError.get()).hasMessage(
				"Expected ASGI message 'http.response.body', but got 'http.response.start'.");
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_message_after_body_complete
	void messageAfterTheLastBodyIsRefusedAndTheConnectionClosed() {
		run((scope, receive, send) -> send.send(HttpResponseStart.of(200, Headers.empty()))
			.thenCompose((v) -> send.send(HttpResponseBody.last(text("done"))))
			.thenCompose((v) -> remember(send.send(HttpResponseBody.last(text("more"))))));
		assertThat(this.writer.events).containsExactly("access 200", "full 200 Headers[] done", "abort");
		assertThat(this.sendError.get())
			.hasMessage("Unexpected ASGI message 'http.response.body' sent, after response already completed.");
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_partial_response_returned
	void returningMidBodyClosesTheConnection() {
		run((scope, receive, send) -> send.send(HttpResponseStart.of(200, Headers.empty()))
			.thenCompose((v) -> send.send(HttpResponseBody.chunk(text("part")))));
		assertThat(this.writer.events).containsExactly("access 200", "head 200 Headers[]", "chunk part", "abort");
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_invalid_header_name
	void invalidHeaderNameIsNeverWrittenAndNo500Follows() {
		run((scope, receive, send) -> remember(send.send(HttpResponseStart.of(200, Headers.of("bad header", "x")))));
		assertThat(this.writer.events).containsExactly("abort");
		assertThat(this.sendError.get()).hasMessage("Invalid HTTP header name.");
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_chunked_encoding
	void applicationChunkedEncodingWinsOverItsContentLength() {
		run((scope, receive, send) -> send
			.send(HttpResponseStart.of(200, Headers.of("content-length", "99", "transfer-encoding", "chunked")))
			.thenCompose((v) -> send.send(HttpResponseBody.last(text("short")))));
		assertThat(this.writer.events).containsExactly("access 200", "full 200 Headers[transfer-encoding: chunked] short");
	}

	@Test
	void sendAfterTheClientLeftIsIgnoredAsInAsgi23() {
		HttpCycle cycle = cycle("GET");
		CompletableFuture<Void> gate = new CompletableFuture<>();
		cycle.run((scope, receive, send) -> gate.thenCompose((v) -> remember(send.send(HttpResponseStart.of(200,
				Headers.empty())))).thenCompose((v) -> send.send(HttpResponseBody.last(text("late")))), scope("GET"));
		cycle.disconnected();
		gate.complete(null);
		assertThat(this.writer.events).isEmpty();
		assertThat(this.sendError.get()).isNull();
	}
}
