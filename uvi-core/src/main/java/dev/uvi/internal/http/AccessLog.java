package dev.uvi.internal.http;

import dev.uvi.asgi.HttpScope;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * uvicorn's access line on {@code uvi.access}, logged when the response starts:
 * {@code 127.0.0.1:50000 - "GET /path?q=1 HTTP/1.1" 200 OK}.
 */
final class AccessLog {

	private static final Logger logger = LoggerFactory.getLogger(ServerLoggers.ACCESS);

	private final boolean enabled;

	AccessLog(boolean enabled) {
		this.enabled = enabled;
	}

	void log(HttpScope scope, int status) {
		if (!this.enabled || !logger.isInfoEnabled()) {
			return;
		}
		String target = scope.queryString().isEmpty() ? scope.rawPath() : scope.rawPath() + "?" + scope.queryString();
		String client = (scope.client() != null) ? scope.client().toString() : "-";
		logger.info("{} - \"{} {} HTTP/{}\" {} {}", client, scope.method(), target, scope.httpVersion(), status,
				HttpResponseStatus.valueOf(status).reasonPhrase());
	}
}
