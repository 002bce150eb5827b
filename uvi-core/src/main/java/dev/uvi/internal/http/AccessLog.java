package dev.uvi.internal.http;

import dev.uvi.asgi.ConnectionScope;
import dev.uvi.asgi.HttpScope;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * uvicorn's access lines on {@code uvi.access}, logged when the response starts:
 * {@code 127.0.0.1:50000 - "GET /path?q=1 HTTP/1.1" 200 OK}, and for WebSocket handshakes
 * {@code 127.0.0.1:50000 - "WebSocket /ws" [accepted]} (or the refusal's status).
 */
final class AccessLog {

	private static final Logger logger = LoggerFactory.getLogger(ServerLoggers.ACCESS);

	private final boolean enabled;

	AccessLog(boolean enabled) {
		this.enabled = enabled;
	}

	void log(HttpScope scope, int status) {
		if (this.enabled && logger.isInfoEnabled()) {
			logger.info("{} - \"{} {} HTTP/{}\" {} {}", client(scope), scope.method(), target(scope),
					scope.httpVersion(), status, HttpResponseStatus.valueOf(status).reasonPhrase());
		}
	}

	/** @param outcome {@code [accepted]}, or the status of the refusal */
	void logWebSocket(ConnectionScope scope, String outcome) {
		if (this.enabled && logger.isInfoEnabled()) {
			logger.info("{} - \"WebSocket {}\" {}", client(scope), target(scope), outcome);
		}
	}

	private static String client(ConnectionScope scope) {
		return (scope.client() != null) ? scope.client().toString() : "-";
	}

	private static String target(ConnectionScope scope) {
		return scope.queryString().isEmpty() ? scope.rawPath() : scope.rawPath() + "?" + scope.queryString();
	}
}
