package dev.uvi.internal.http;

import dev.uvi.asgi.ConnectionScope;
import dev.uvi.server.CompletedRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log on {@code uvi.access}: one line per request, logged when the response is complete
 * so that its duration and byte count are known, in the configured {@link AccessLogFormat} (uvicorn's
 * {@code 127.0.0.1:50000 - "GET /path?q=1 HTTP/1.1" 200 OK} by default). The same fields go along as
 * SLF4J key/value pairs, which Spring Boot's structured logging (ECS, Logstash, GELF) writes as JSON
 * fields. WebSocket handshakes keep uvicorn's {@code 127.0.0.1:50000 - "WebSocket /ws" [accepted]}.
 */
final class AccessLog {

	private static final Logger logger = LoggerFactory.getLogger(ServerLoggers.ACCESS);

	private final boolean enabled;

	private final AccessLogFormat format;

	/** Paths not logged; empty for none. */
	private final List<Pattern> excluded;

	/**
	 * @param enabled false logs nothing
	 * @param format the compiled line format
	 * @param exclude path patterns not logged: {@code *} within a segment, {@code **} across segments
	 */
	AccessLog(boolean enabled, AccessLogFormat format, List<String> exclude) {
		this.enabled = enabled;
		this.format = format;
		this.excluded = exclude.stream().map(AccessLog::glob).toList();
	}

	/** @return true when a request may be logged: worth building its {@link CompletedRequest} */
	boolean isEnabled() {
		return this.enabled && logger.isInfoEnabled();
	}

	void log(CompletedRequest request) {
		if (request.status() == 0 || !isEnabled() || isExcluded(request.scope())) {
			// no response started (the client left first): uvicorn logs nothing either
			return;
		}
		ConnectionScope scope = request.scope();
		logger.atInfo()
			.addKeyValue("client", AccessLogFormat.clientAddress(scope))
			.addKeyValue("method", request.scope().method())
			.addKeyValue("path", scope.rawPath())
			.addKeyValue("query", scope.queryString())
			.addKeyValue("http_version", scope.httpVersion())
			.addKeyValue("status", request.status())
			.addKeyValue("duration_ms", TimeUnit.NANOSECONDS.toMicros(request.durationNanos()) / 1000.0)
			.addKeyValue("bytes", request.responseBytes())
			.addKeyValue("request_bytes", request.requestBytes())
			.log(this.format.format(request));
	}

	/** @param outcome {@code [accepted]}, or the status of the refusal */
	void logWebSocket(ConnectionScope scope, String outcome) {
		if (isEnabled() && !isExcluded(scope)) {
			String target = scope.queryString().isEmpty() ? scope.rawPath() : scope.rawPath() + "?" + scope.queryString();
			logger.info("{} - \"WebSocket {}\" {}", AccessLogFormat.clientAddress(scope), target, outcome);
		}
	}

	/** Exclusions match the path the client sent: the scope's path without the configured root path. */
	private boolean isExcluded(ConnectionScope scope) {
		if (this.excluded.isEmpty()) {
			return false;
		}
		String path = scope.path().substring(Math.min(scope.rootPath().length(), scope.path().length()));
		for (Pattern pattern : this.excluded) {
			if (pattern.matcher(path).matches()) {
				return true;
			}
		}
		return false;
	}

	private static Pattern glob(String glob) {
		StringBuilder regex = new StringBuilder();
		int i = 0;
		while (i < glob.length()) {
			if (glob.startsWith("**", i)) {
				regex.append(".*");
				i += 2;
			}
			else if (glob.charAt(i) == '*') {
				regex.append("[^/]*");
				i++;
			}
			else {
				int next = glob.indexOf('*', i);
				String literal = (next < 0) ? glob.substring(i) : glob.substring(i, next);
				regex.append(Pattern.quote(literal));
				i += literal.length();
			}
		}
		return Pattern.compile(regex.toString());
	}
}
