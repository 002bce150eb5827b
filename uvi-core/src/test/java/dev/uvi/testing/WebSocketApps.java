package dev.uvi.testing;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.InboundMessage;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Send;
import dev.uvi.asgi.WebSocketAccept;
import dev.uvi.asgi.WebSocketDisconnect;
import dev.uvi.asgi.WebSocketReceive;
import dev.uvi.asgi.WebSocketScope;
import dev.uvi.asgi.WebSocketSend;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** WebSocket applications for server tests. */
public final class WebSocketApps {

	private WebSocketApps() {
	}

	/**
	 * @param disconnects told of the disconnect the application receives
	 * @return an app that accepts (choosing {@code echo.v1} when offered) and echoes every message
	 */
	public static AsgiApplication echo(CompletableFuture<WebSocketDisconnect> disconnects) {
		return (scope, receive, send) -> {
			if (!(scope instanceof WebSocketScope ws)) {
				return CompletableFuture.failedFuture(new IllegalStateException("websocket only"));
			}
			String subprotocol = ws.subprotocols().contains("echo.v1") ? "echo.v1" : null;
			return receive.receive()
				.thenCompose((connect) -> send.send(new WebSocketAccept(subprotocol, Headers.of("x-echo", "yes"))))
				.thenCompose((v) -> echoLoop(receive, send, disconnects));
		};
	}

	private static CompletionStage<Void> echoLoop(Receive receive, Send send,
			CompletableFuture<WebSocketDisconnect> disconnects) {
		return receive.receive().thenCompose((InboundMessage message) -> {
			if (message instanceof WebSocketReceive frame) {
				return send.send(new WebSocketSend(frame.bytes(), frame.text()))
					.thenCompose((v) -> echoLoop(receive, send, disconnects));
			}
			disconnects.complete((WebSocketDisconnect) message);
			return CompletableFuture.completedFuture(null);
		});
	}
}
