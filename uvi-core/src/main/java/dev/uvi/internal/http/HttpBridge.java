package dev.uvi.internal.http;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.ConnectionScope;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.WebSocketScope;
import dev.uvi.middleware.ProxyHeaders;
import dev.uvi.routing.MatchedRoute;
import dev.uvi.server.CompletedRequest;
import dev.uvi.server.UviConfig;
import dev.uvi.server.UviServerListener;
import dev.uvi.server.UviServerListener.RequestObserver;
import dev.uvi.server.WebSocketConfig;
import io.netty.channel.Channel;
import io.netty.handler.codec.http2.Http2StreamChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The reactor-netty handler: one {@link HttpCycle} per request, wired to the request body, the
 * response and the connection's close; or, for an upgrade request, one {@link WebSocketCycle}.
 */
public final class HttpBridge implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private final AsgiApplication application;

	private final ScopeFactory scopes;

	private final DefaultHeaders defaultHeaders;

	private final AccessLog accessLog;

	/** {@code limit-concurrency}, counted for HTTP/1.1 connections and requests and HTTP/2 streams alike. */
	private final ConcurrencyLimit concurrency;

	/** The limits for HTTP/2 streams, which the HTTP/1.1 guards never see. */
	private final StreamLimits streamLimits;

	/** The proxy-header rules, applied before a request is recorded; null when proxy headers are off. */
	private final @Nullable ProxyHeaders proxyHeaders;

	private final WebSocketConfig webSockets;

	private final UviServerListener listener;

	/** Open WebSockets, so that shutdown can close them with 1012 before draining. */
	private final Set<WebSocketCycle> openWebSockets = ConcurrentHashMap.newKeySet();

	private final AtomicLong completedResponses = new AtomicLong();

	/** Responses after which {@link #onRequestLimit} runs; 0 for none. */
	private final long requestLimit;

	private final Runnable onRequestLimit;

	/**
	 * @param config the server configuration
	 * @param application the application to call per request
	 * @param lifespanState the lifespan state, copied into every scope
	 */
	public HttpBridge(UviConfig config, AsgiApplication application, Supplier<Map<String, Object>> lifespanState) {
		this(config, application, lifespanState, 0, () -> {
		});
	}

	/**
	 * @param requestLimit responses after which {@code onRequestLimit} runs once; 0 for no limit
	 * @param onRequestLimit what to do then (uvicorn: a graceful shutdown)
	 */
	public HttpBridge(UviConfig config, AsgiApplication application, Supplier<Map<String, Object>> lifespanState,
			long requestLimit, Runnable onRequestLimit) {
		this.requestLimit = requestLimit;
		this.onRequestLimit = onRequestLimit;
		this.application = application;
		this.scopes = new ScopeFactory(config.rootPath(), lifespanState);
		this.proxyHeaders = ProxyHeaders.of(config.proxyHeaders());
		this.concurrency = ConcurrencyLimit.of(config.limitConcurrency());
		this.streamLimits = new StreamLimits(config, this.concurrency);
		this.defaultHeaders = new DefaultHeaders(config);
		this.accessLog = new AccessLog(config.accessLog(), AccessLogFormat.compile(config.accessLogFormat()),
				config.accessLogExclude());
		this.webSockets = config.ws();
		this.listener = config.listener();
	}

	/**
	 * @param keepAlive the keep-alive timeout the guards keep; zero where reactor-netty's
	 * {@code idleTimeout} keeps it
	 * @return the pipeline hook that guards every HTTP/1.1 connection (limits, malformed input, the
	 * keep-alive timeout)
	 */
	public RequestGuards requestGuards(UviConfig config, Duration keepAlive) {
		return new RequestGuards(config, this.defaultHeaders, this.concurrency, keepAlive);
	}

	/** Closes every open WebSocket with 1012 ("service restart"), uvicorn's first step of a shutdown. */
	public void closeWebSockets() {
		this.openWebSockets.forEach(WebSocketCycle::closeForShutdown);
	}

	/** From now on every response carries {@code connection: close}: the server is draining. */
	public void drain() {
		this.defaultHeaders.drain();
	}

	/**
	 * Cancels the requests still in flight on these connections (shutdown ran out of time).
	 * @param beforeCancelling told how many there are, before any is cancelled (for the log line)
	 */
	public void cancelInFlight(Iterable<Channel> channels, IntConsumer beforeCancelling) {
		List<HttpCycle> inFlight = new ArrayList<>();
		for (Channel channel : channels) {
			HttpCycle cycle = HttpConnection.takeInFlight(channel);
			if (cycle != null && cycle.isInFlight()) {
				inFlight.add(cycle);
			}
		}
		beforeCancelling.accept(inFlight.size());
		inFlight.forEach(HttpCycle::cancel);
	}

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		Channel channel = channelOf(request);
		if (this.webSockets.enabled() && WebSocketHandshake.isUpgrade(request)) {
			return webSocket(request, response, channel);
		}
		long declaredLength = RequestHeadRules.bodyLength(request.requestHeaders());
		boolean stream = channel instanceof Http2StreamChannel; // no HTTP/1.1 guard sees a stream
		FixedResponse refusal = stream ? this.streamLimits.admit(declaredLength) : null;
		if (refusal != null) {
			return answer(response, channel, refusal);
		}
		boolean listening = this.listener != UviServerListener.NOOP;
		boolean wanted = listening || this.accessLog.isEnabled(); // decided once: a CompletedRequest is wanted
		long started = wanted ? System.nanoTime() : 0;
		HttpConnection connection = HttpConnection.of(request, channel);
		MatchedRoute route = listening ? new MatchedRoute() : null;
		HttpScope scope = proxied(this.scopes.http(request, connection, route));
		RequestObserver observer = listening ? this.listener.requestStarted(scope) : RequestObserver.NOOP;
		boolean head = "HEAD".equals(scope.method());
		NettyResponseWriter writer = new NettyResponseWriter(response, channel, this.defaultHeaders, head);
		RequestBodyReceiver body = new RequestBodyReceiver(request::receive, declaredLength);
		HttpCycle cycle = new HttpCycle(writer, body, head, (status) -> {
			// the access line is written when the response completes, from the cycle's record
		});
		if (stream) {
			this.streamLimits.limit(body, cycle);
		}
		Recording recording = wanted ? new Recording(scope, body, started, route, observer) : null;
		connection.started(cycle);
		cycle.run(this.application, scope);
		if (writer.isFinished()) { // the common answer-at-once application: no lambda, no publisher to wait on
			ended(connection, cycle, recording, stream);
			return Mono.empty();
		}
		return writer.finished().doFinally((signal) -> ended(connection, cycle, recording, stream));
	}

	/**
	 * The response is done (or the handler's publisher cancelled): the access line, the listener, the
	 * request limit, and an HTTP/2 stream's place in {@code limit-concurrency}.
	 */
	private void ended(HttpConnection connection, HttpCycle cycle, @Nullable Recording recording, boolean stream) {
		connection.ended(cycle);
		if (stream) {
			this.streamLimits.ended();
		}
		if (recording != null) {
			CompletedRequest completed = recording.completed(cycle);
			this.accessLog.log(completed);
			recording.observer().requestFinished(completed);
		}
		responseCompleted();
	}

	/** What the access line and the listener need of a request, kept only when one of them wants it. */
	private record Recording(HttpScope scope, RequestBodyReceiver body, long started, @Nullable MatchedRoute route,
			RequestObserver observer) {

		CompletedRequest completed(HttpCycle cycle) {
			return new CompletedRequest(this.scope, cycle.status(), cycle.responseHeaders(),
					System.nanoTime() - this.started, this.body.received(), cycle.responseBytes(),
					(this.route != null) ? this.route.template() : null, this.route != null && this.route.isNotFound(),
					cycle.failure(), cycle.isComplete());
		}
	}

	/** The scope the application sees, and the access line and the listener report, as uvicorn's do. */
	private <S extends ConnectionScope> S proxied(S scope) {
		return (this.proxyHeaders != null) ? this.proxyHeaders.apply(scope) : scope;
	}

	/** reactor-netty's request is its connection; {@code withConnection} is the API's way for any other. */
	private static Channel channelOf(HttpServerRequest request) {
		if (request instanceof Connection connection) {
			return connection.channel();
		}
		Channel[] holder = new Channel[1];
		request.withConnection((connection) -> holder[0] = connection.channel());
		return holder[0];
	}

	/** uvicorn's {@code --limit-max-requests}: counts HTTP responses, not WebSockets. */
	private void responseCompleted() {
		if (this.requestLimit > 0 && this.completedResponses.incrementAndGet() == this.requestLimit) {
			this.onRequestLimit.run();
		}
	}

	private Publisher<Void> webSocket(HttpServerRequest request, HttpServerResponse response, Channel channel) {
		WebSocketScope scope = proxied(this.scopes.websocket(request, HttpConnection.of(request, channel)));
		FixedResponse invalid = WebSocketHandshake.validate(request);
		if (invalid != null) {
			this.accessLog.logWebSocket(scope, Integer.toString(invalid.status()));
			return answer(response, channel, invalid);
		}
		NettyResponseWriter writer = new NettyResponseWriter(response, channel, this.defaultHeaders, false);
		WebSocketCycle cycle = new WebSocketCycle(scope, response, channel, writer, this.webSockets,
				this.defaultHeaders, this.accessLog, this.listener, this.openWebSockets::add,
				this.openWebSockets::remove);
		cycle.run(this.application);
		return cycle.handler();
	}

	/** The server's own answer, given instead of running the application. */
	private Publisher<Void> answer(HttpServerResponse response, Channel channel, FixedResponse answer) {
		NettyResponseWriter writer = new NettyResponseWriter(response, channel, this.defaultHeaders, false);
		writer.writeFull(answer.status(), answer.headers(), answer.body());
		return writer.finished();
	}
}
