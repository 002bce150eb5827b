package dev.uvi.sample.websocket;

import dev.uvi.asgi.Headers;
import dev.uvi.asgi.InboundMessage;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import dev.uvi.asgi.WebSocketAccept;
import dev.uvi.asgi.WebSocketDisconnect;
import dev.uvi.asgi.WebSocketReceive;
import dev.uvi.asgi.WebSocketScope;
import dev.uvi.asgi.WebSocketSend;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WS /ws/echo}: accepts, choosing the subprotocol {@value #SUBPROTOCOL} when the client offers
 * it, and sends every message back as it came (text as text, binary as binary), one at a time, until
 * the client disconnects; it then logs the close code it received, which shows the client's code
 * reaching the application.
 */
public class EchoSocket {

	/** The one subprotocol this endpoint speaks; without it the connection is accepted with none. */
	public static final String SUBPROTOCOL = "echo.v1";

	private static final Logger logger = LoggerFactory.getLogger(EchoSocket.class);

	/** Accepts, echoes until {@code websocket.disconnect}, then logs its code and reason. */
	public CompletionStage<Void> echo(Scope scope, Receive receive, Send send) {
		String subprotocol = ((WebSocketScope) scope).subprotocols().contains(SUBPROTOCOL) ? SUBPROTOCOL : null;
		return receive.receive()
			.thenCompose((connect) -> send.send(new WebSocketAccept(subprotocol, Headers.empty())))
			.thenCompose((accepted) -> new Conversation(receive, send).run())
			.thenAccept((disconnect) -> logger.info("Echo WebSocket closed: code {}, reason '{}'", disconnect.code(),
					(disconnect.reason() != null) ? disconnect.reason() : ""));
	}

	/**
	 * Receives and echoes one message at a time. A trampoline: when {@code receive()} and {@code send()}
	 * complete at once (a message already waiting, a writable socket) it loops instead of recursing, so a
	 * long conversation does not grow the stack.
	 */
	private static final class Conversation {

		private final Receive receive;

		private final Send send;

		private final CompletableFuture<WebSocketDisconnect> done = new CompletableFuture<>();

		Conversation(Receive receive, Send send) {
			this.receive = receive;
			this.send = send;
		}

		CompletionStage<WebSocketDisconnect> run() {
			resume();
			return this.done;
		}

		private void resume() {
			while (true) {
				CompletableFuture<@Nullable WebSocketDisconnect> step;
				try {
					step = step().toCompletableFuture();
				}
				catch (RuntimeException ex) {
					this.done.completeExceptionally(ex);
					return;
				}
				if (!step.isDone()) {
					step.whenComplete((disconnect, failure) -> {
						if (finished(disconnect, failure)) {
							return;
						}
						resume();
					});
					return;
				}
				WebSocketDisconnect disconnect;
				try {
					disconnect = step.join();
				}
				catch (CompletionException ex) {
					finished(null, ex);
					return;
				}
				if (finished(disconnect, null)) {
					return;
				}
			}
		}

		/** @return true when the conversation is over: a disconnect came, or a step failed */
		private boolean finished(@Nullable WebSocketDisconnect disconnect, @Nullable Throwable failure) {
			if (failure != null) {
				this.done.completeExceptionally(failure);
				return true;
			}
			if (disconnect == null) {
				return false;
			}
			this.done.complete(disconnect);
			return true;
		}

		/** @return a stage with the disconnect, or with null when the conversation goes on */
		private CompletionStage<@Nullable WebSocketDisconnect> step() {
			return this.receive.receive().thenCompose((InboundMessage message) -> {
				if (message instanceof WebSocketReceive in) {
					return this.send.send(new WebSocketSend(in.bytes(), in.text()))
						.exceptionallyCompose(Conversation::peerGone)
						.thenApply((sent) -> null);
				}
				if (message instanceof WebSocketDisconnect disconnect) {
					return CompletableFuture.completedFuture(disconnect);
				}
				return CompletableFuture.failedFuture(new IllegalStateException(
						"receive: " + message.type() + " (expected: websocket.receive or websocket.disconnect)"));
			});
		}

		/** A send after the client closed fails; the next receive brings its disconnect, so go on. */
		private static CompletionStage<@Nullable Void> peerGone(Throwable failure) {
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			return (cause instanceof IOException) ? CompletableFuture.completedFuture(null)
					: CompletableFuture.failedFuture(failure);
		}
	}
}
