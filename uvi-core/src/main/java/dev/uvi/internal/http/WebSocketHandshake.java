package dev.uvi.internal.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;

/**
 * What makes a request a WebSocket handshake, read from its headers (reactor-netty's
 * {@code isWebsocket()} is false until the upgrade has happened), and whether it is a valid one:
 * checked before the application sees it, as uvicorn's WebSocket libraries do.
 */
final class WebSocketHandshake {

	private WebSocketHandshake() {
	}

	/** @return true for {@code GET} with {@code Upgrade: websocket} and {@code Connection: upgrade} */
	static boolean isUpgrade(HttpServerRequest request) {
		return isUpgrade(request.method(), request.requestHeaders());
	}

	/** The same test on a decoded request, before reactor-netty has made it an {@link HttpServerRequest}. */
	static boolean isUpgrade(HttpMethod method, HttpHeaders headers) {
		return HttpMethod.GET.equals(method)
				&& headers.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
				&& headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
	}

	/** @return null for a valid handshake, else the answer: 426 for another version, 400 without a key */
	static @Nullable FixedResponse validate(HttpServerRequest request) {
		HttpHeaders headers = request.requestHeaders();
		if (!"13".equals(headers.get(HttpHeaderNames.SEC_WEBSOCKET_VERSION))) {
			return FixedResponse.UPGRADE_REQUIRED;
		}
		String key = headers.get(HttpHeaderNames.SEC_WEBSOCKET_KEY);
		if (key == null || key.isBlank()) {
			return FixedResponse.BAD_REQUEST;
		}
		return null;
	}
}
