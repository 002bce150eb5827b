package dev.uvi.middleware;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.ConnectionScope;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.HttpResponseTrailers;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import dev.uvi.asgi.WebSocketAccept;
import dev.uvi.asgi.WebSocketResponseStart;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * uvicorn's {@code message_logger}: logs every ASGI message in and out on {@code uvi.asgi} at TRACE,
 * numbered per application call ({@code 127.0.0.1:50000 - ASGI [3] Send HttpResponseStart[status=200,
 * headers=<...>, trailers=false]}), so that a protocol problem can be followed message by message.
 * Bodies appear by size only and headers as {@code <...>}: no payload, cookie or token reaches the log.
 * The server applies it once, when {@code uvi.asgi} is at TRACE as the server is created.
 */
public final class MessageLoggerMiddleware implements AsgiApplication {

	/** The logger name, uvicorn's {@code uvicorn.asgi}. */
	public static final String LOGGER = "uvi.asgi";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER);

	private final AsgiApplication application;

	private final AtomicLong calls = new AtomicLong();

	/** @param application the application whose messages are logged */
	public MessageLoggerMiddleware(AsgiApplication application) {
		this.application = application;
	}

	/** @return true when {@code uvi.asgi} logs at TRACE: only then is the middleware worth its cost */
	public static boolean isEnabled() {
		return logger.isTraceEnabled();
	}

	@Override
	public CompletionStage<Void> call(Scope scope, Receive receive, Send send) {
		long id = this.calls.incrementAndGet();
		String prefix = (scope instanceof ConnectionScope connection && connection.client() != null)
				? connection.client() + " - ASGI" : "ASGI";
		logger.trace("{} [{}] Started scope={}", prefix, id, describe(scope));
		Receive loggedReceive = () -> receive.receive().thenApply((message) -> {
			logger.trace("{} [{}] Receive {}", prefix, id, describe(message));
			return message;
		});
		Send loggedSend = (message) -> {
			logger.trace("{} [{}] Send {}", prefix, id, describe(message));
			return send.send(message);
		};
		CompletionStage<Void> result;
		try {
			result = this.application.call(scope, loggedReceive, loggedSend);
		}
		catch (RuntimeException | Error ex) {
			result = CompletableFuture.failedFuture(ex);
		}
		return result.whenComplete((ignored, error) -> {
			if (error != null) {
				logger.trace("{} [{}] Raised exception", prefix, id);
			}
			else {
				logger.trace("{} [{}] Completed", prefix, id);
			}
		});
	}

	/** The scope without headers, state or extensions; messages without headers (bodies print their size). */
	static String describe(Object message) {
		if (message instanceof HttpScope http) {
			return "{type=http, http_version=" + http.httpVersion() + ", method=" + http.method() + ", scheme="
					+ http.scheme() + ", path=" + http.path() + ", query_string=" + http.queryString() + ", root_path="
					+ http.rootPath() + ", headers=<...>, client=" + http.client() + ", server=" + http.server() + "}";
		}
		if (message instanceof ConnectionScope connection) {
			return "{type=" + connection.type() + ", scheme=" + connection.scheme() + ", path=" + connection.path()
					+ ", query_string=" + connection.queryString() + ", root_path=" + connection.rootPath()
					+ ", headers=<...>, client=" + connection.client() + ", server=" + connection.server() + "}";
		}
		if (message instanceof Scope scope) {
			return "{type=" + scope.type() + "}";
		}
		if (message instanceof HttpResponseStart start) {
			return "HttpResponseStart[status=" + start.status() + ", headers=<...>, trailers=" + start.trailers() + "]";
		}
		if (message instanceof HttpResponseTrailers trailers) {
			return "HttpResponseTrailers[headers=<...>, moreTrailers=" + trailers.moreTrailers() + "]";
		}
		if (message instanceof WebSocketAccept accept) {
			return "WebSocketAccept[subprotocol=" + accept.subprotocol() + ", headers=<...>]";
		}
		if (message instanceof WebSocketResponseStart start) {
			return "WebSocketResponseStart[status=" + start.status() + ", headers=<...>]";
		}
		return message.toString();
	}
}
