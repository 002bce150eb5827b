package dev.uvi.sample.websocket;

import dev.uvi.asgi.Headers;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import dev.uvi.asgi.WebSocketClose;
import dev.uvi.asgi.WebSocketResponseBody;
import dev.uvi.asgi.WebSocketResponseStart;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/**
 * {@code WS /ws/reject} and {@code WS /ws/deny}: the two ways an application refuses a WebSocket
 * before accepting it. A close answers the handshake with a bare HTTP {@code 403} (uvicorn's answer);
 * the denial-response extension lets the application choose the status and body, here {@code 401}.
 */
public class RefusingSockets {

	private static final byte[] DENIED = "denied".getBytes(StandardCharsets.UTF_8);

	private static final Headers DENIED_HEADERS = Headers.of("content-type", "text/plain", "content-length",
			Integer.toString(DENIED.length));

	/** Sends {@code websocket.close} in answer to {@code websocket.connect}: HTTP {@code 403}. */
	public CompletionStage<Void> reject(Scope scope, Receive receive, Send send) {
		return receive.receive().thenCompose((connect) -> send.send(WebSocketClose.of()));
	}

	/** Sends {@code websocket.http.response.start} {@code 401} and the body {@code denied}. */
	public CompletionStage<Void> deny(Scope scope, Receive receive, Send send) {
		return receive.receive()
			.thenCompose((connect) -> send.send(new WebSocketResponseStart(401, DENIED_HEADERS)))
			.thenCompose((started) -> send.send(new WebSocketResponseBody(DENIED, false)));
	}
}
