package dev.uvi.testing;

import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.OutboundMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link dev.uvi.asgi.Send} that records every message, for testing applications without a server.
 * By default each send completes at once; {@link #held()} keeps each send pending until the test
 * {@link #release() releases} it, which shows whether an application waits for its sends.
 */
public final class RecordingSend implements dev.uvi.asgi.Send {

	private final List<OutboundMessage> messages = new CopyOnWriteArrayList<>();

	private final Queue<CompletableFuture<Void>> pending = new ArrayDeque<>();

	private final boolean hold;

	private RecordingSend(boolean hold) {
		this.hold = hold;
	}

	/** @return a send whose stages complete at once */
	public static RecordingSend create() {
		return new RecordingSend(false);
	}

	/** @return a send whose stages stay pending until {@link #release()} */
	public static RecordingSend held() {
		return new RecordingSend(true);
	}

	@Override
	public CompletionStage<Void> send(OutboundMessage message) {
		this.messages.add(message);
		if (!this.hold) {
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<Void> stage = new CompletableFuture<>();
		synchronized (this.pending) {
			this.pending.add(stage);
		}
		return stage;
	}

	/** Completes the oldest pending send; @return false when none was pending */
	public boolean release() {
		CompletableFuture<Void> stage;
		synchronized (this.pending) {
			stage = this.pending.poll();
		}
		return stage != null && stage.complete(null);
	}

	/** @return the number of sends not yet released */
	public int pendingCount() {
		synchronized (this.pending) {
			return this.pending.size();
		}
	}

	/** @return every message sent so far, in order */
	public List<OutboundMessage> messages() {
		return List.copyOf(this.messages);
	}

	/** @return the {@code http.response.start} sent, failing the test when there is none */
	public HttpResponseStart responseStart() {
		return this.messages.stream()
			.filter(HttpResponseStart.class::isInstance)
			.map(HttpResponseStart.class::cast)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no http.response.start in " + this.messages));
	}

	/** @return the response status */
	public int status() {
		return responseStart().status();
	}

	/** @return the response headers */
	public Headers headers() {
		return responseStart().headers();
	}

	/** @return the body chunks as sent, one array per {@code http.response.body} */
	public List<HttpResponseBody> bodyMessages() {
		return this.messages.stream()
			.filter(HttpResponseBody.class::isInstance)
			.map(HttpResponseBody.class::cast)
			.toList();
	}

	/** @return all body chunks joined */
	public byte[] body() {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		bodyMessages().forEach((message) -> body.writeBytes(message.body()));
		return body.toByteArray();
	}

	/** @return the body as UTF-8 text */
	public String bodyText() {
		return new String(body(), StandardCharsets.UTF_8);
	}

	/** @return true when the last message is a body with {@code more_body} false */
	public boolean isComplete() {
		return !this.messages.isEmpty() && this.messages.get(this.messages.size() - 1) instanceof HttpResponseBody last
				&& !last.moreBody();
	}
}
