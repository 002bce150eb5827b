package dev.uvi.server;

import static dev.uvi.server.ConfigCheck.check;

import dev.uvi.asgi.Headers;
import dev.uvi.internal.http.AccessLogFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link UviServer} is configured with: immutable, built with {@link #builder()}, and
 * defaulting to uvicorn's values. Setters check their argument at once and say what they expected
 * ({@code "port: 70000 (expected: 0-65535)"}); the config does nothing else: no sockets, no files.
 *
 * @param host the address to bind; default {@code 127.0.0.1}
 * @param port the port to bind, 0 for any free one; default {@code 8000}
 * @param rootPath the prefix a proxy in front strips, prepended to every scope's {@code path}; default empty
 * @param serverHeader whether responses carry {@code server: uvi}; default true
 * @param dateHeader whether responses carry {@code date}; default true
 * @param headers extra headers on every response, after {@code date} and {@code server}; default none
 * @param timeoutKeepAlive how long an idle keep-alive connection is kept open; default 5 s
 * @param accessLog whether each request is logged on {@code uvi.access}; default true
 * @param workers the number of event-loop threads; default the number of available processors
 * @param lifespan whether the ASGI lifespan protocol runs; default {@link LifespanMode#AUTO}
 * @param maxRequestLineSize the longest request line accepted, in bytes; default 8 KiB
 * @param maxHeaderSize the largest request header block accepted, in bytes; default 16 KiB
 * @param ws the WebSocket settings; default {@link WebSocketConfig#defaults()}
 * @param timeoutGracefulShutdown how long shutdown waits for in-flight requests before it cancels
 *     them; null waits as long as they take (uvicorn's default); default null
 * @param timeoutLifespanStartup how long the lifespan startup may take; null waits (uvicorn); default null
 * @param timeoutLifespanShutdown how long the lifespan shutdown may take; null waits (uvicorn); default null
 * @param limitMaxRequests responses after which the server shuts down gracefully; 0 for no limit; default 0
 * @param limitMaxRequestsJitter a random 0..jitter added to {@code limitMaxRequests}, so that
 *     instances do not restart together; default 0
 * @param tls TLS settings, or null for cleartext; default null
 * @param http2 HTTP/2 settings; default {@link Http2Config#defaults()}
 * @param uds a unix domain socket path to bind instead of host and port, or null; default null
 * @param udsPermissions the permissions of the socket file (octal 0666 by default, as uvicorn)
 * @param limitConcurrency connections and in-progress requests beyond which requests get uvicorn's
 *     503; 0 for no limit; default 0 (see the README for what is counted)
 * @param maxRequestBodySize the largest request body accepted, in bytes, else 413; 0 for no limit; default 0
 * @param timeoutRequestHeader how long a request head may take to arrive, else 408; default 30 s
 * @param backlog the listening socket's accept queue; default 2048
 * @param proxyHeaders the proxy-header settings; default {@link ProxyHeadersConfig#defaults()}
 * @param accessLogFormat the access-log line, Gunicorn-style atoms such as {@code %(h)s} or
 *     {@code %(D)s}; default uvicorn's line, {@value #DEFAULT_ACCESS_LOG_FORMAT}
 * @param accessLogExclude path patterns not access-logged ({@code *} within a segment, {@code **} across);
 *     default none
 * @param listener told of connections, requests, WebSockets and the lifespan; default
 *     {@link UviServerListener#NOOP}
 */
public record UviConfig(String host, int port, String rootPath, boolean serverHeader, boolean dateHeader,
		Headers headers, Duration timeoutKeepAlive, boolean accessLog, int workers, LifespanMode lifespan,
		int maxRequestLineSize, int maxHeaderSize, WebSocketConfig ws, @Nullable Duration timeoutGracefulShutdown,
		@Nullable Duration timeoutLifespanStartup, @Nullable Duration timeoutLifespanShutdown, int limitMaxRequests,
		int limitMaxRequestsJitter, @Nullable TlsConfig tls, Http2Config http2, @Nullable Path uds,
		int udsPermissions, int limitConcurrency, long maxRequestBodySize, Duration timeoutRequestHeader,
		int backlog, ProxyHeadersConfig proxyHeaders, String accessLogFormat, List<String> accessLogExclude,
		UviServerListener listener) {

	/** uvicorn's access-log line: {@code 127.0.0.1:50000 - "GET / HTTP/1.1" 200 OK}. */
	public static final String DEFAULT_ACCESS_LOG_FORMAT = AccessLogFormat.UVICORN;

	/** @return a builder holding uvicorn's defaults */
	public static Builder builder() {
		return new Builder();
	}

	/** @return the defaults, unchanged */
	public static UviConfig defaults() {
		return builder().build();
	}

	/** @return a builder that starts from this configuration */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/** Builds a {@link UviConfig}; every setter validates its argument. */
	public static final class Builder {

		private String host = "127.0.0.1";

		private int port = 8000;

		private String rootPath = "";

		private boolean serverHeader = true;

		private boolean dateHeader = true;

		private Headers headers = Headers.empty();

		private Duration timeoutKeepAlive = Duration.ofSeconds(5);

		private boolean accessLog = true;

		private int workers = Runtime.getRuntime().availableProcessors();

		private LifespanMode lifespan = LifespanMode.AUTO;

		private int maxRequestLineSize = 8 * 1024;

		private int maxHeaderSize = 16 * 1024;

		private WebSocketConfig ws = WebSocketConfig.defaults();

		private @Nullable Duration timeoutGracefulShutdown;

		private @Nullable Duration timeoutLifespanStartup;

		private @Nullable Duration timeoutLifespanShutdown;

		private int limitMaxRequests;

		private int limitMaxRequestsJitter;

		private @Nullable TlsConfig tls;

		private Http2Config http2 = Http2Config.defaults();

		private @Nullable Path uds;

		private int udsPermissions = 0666;

		private int limitConcurrency;

		private long maxRequestBodySize;

		private Duration timeoutRequestHeader = Duration.ofSeconds(30);

		private int backlog = 2048;

		private ProxyHeadersConfig proxyHeaders = ProxyHeadersConfig.defaults();

		private String accessLogFormat = DEFAULT_ACCESS_LOG_FORMAT;

		private List<String> accessLogExclude = List.of();

		private UviServerListener listener = UviServerListener.NOOP;

		private Builder() {
		}

		private Builder(UviConfig config) {
			this.host = config.host;
			this.port = config.port;
			this.rootPath = config.rootPath;
			this.serverHeader = config.serverHeader;
			this.dateHeader = config.dateHeader;
			this.headers = config.headers;
			this.timeoutKeepAlive = config.timeoutKeepAlive;
			this.accessLog = config.accessLog;
			this.workers = config.workers;
			this.lifespan = config.lifespan;
			this.maxRequestLineSize = config.maxRequestLineSize;
			this.maxHeaderSize = config.maxHeaderSize;
			this.ws = config.ws;
			this.timeoutGracefulShutdown = config.timeoutGracefulShutdown;
			this.timeoutLifespanStartup = config.timeoutLifespanStartup;
			this.timeoutLifespanShutdown = config.timeoutLifespanShutdown;
			this.limitMaxRequests = config.limitMaxRequests;
			this.limitMaxRequestsJitter = config.limitMaxRequestsJitter;
			this.tls = config.tls;
			this.http2 = config.http2;
			this.uds = config.uds;
			this.udsPermissions = config.udsPermissions;
			this.limitConcurrency = config.limitConcurrency;
			this.maxRequestBodySize = config.maxRequestBodySize;
			this.timeoutRequestHeader = config.timeoutRequestHeader;
			this.backlog = config.backlog;
			this.proxyHeaders = config.proxyHeaders;
			this.accessLogFormat = config.accessLogFormat;
			this.accessLogExclude = config.accessLogExclude;
			this.listener = config.listener;
		}

		public Builder host(String host) {
			Objects.requireNonNull(host, "host");
			check(!host.isBlank(), "host", "'" + host + "'", "a host name or IP address");
			this.host = host;
			return this;
		}

		public Builder port(int port) {
			check(port >= 0 && port <= 65535, "port", port, "0-65535");
			this.port = port;
			return this;
		}

		public Builder rootPath(String rootPath) {
			Objects.requireNonNull(rootPath, "rootPath");
			check(rootPath.isEmpty() || (rootPath.startsWith("/") && !rootPath.endsWith("/")), "root-path",
					"'" + rootPath + "'", "empty, or starting with '/' and not ending with '/'");
			this.rootPath = rootPath;
			return this;
		}

		public Builder serverHeader(boolean serverHeader) {
			this.serverHeader = serverHeader;
			return this;
		}

		public Builder dateHeader(boolean dateHeader) {
			this.dateHeader = dateHeader;
			return this;
		}

		public Builder headers(Headers headers) {
			Objects.requireNonNull(headers, "headers");
			int invalid = headers.firstInvalid();
			if (invalid >= 0) {
				String name = headers.name(invalid);
				check(Headers.isValidName(name), "headers", "'" + name + "'", "a header name (an RFC 9110 token)");
				check(false, "headers", "'" + name + "' value", "no CR, LF, NUL or other control characters");
			}
			this.headers = headers;
			return this;
		}

		public Builder timeoutKeepAlive(Duration timeoutKeepAlive) {
			Objects.requireNonNull(timeoutKeepAlive, "timeoutKeepAlive");
			check(!timeoutKeepAlive.isNegative() && !timeoutKeepAlive.isZero(), "timeout-keep-alive",
					timeoutKeepAlive, "> 0");
			this.timeoutKeepAlive = timeoutKeepAlive;
			return this;
		}

		public Builder accessLog(boolean accessLog) {
			this.accessLog = accessLog;
			return this;
		}

		public Builder workers(int workers) {
			check(workers >= 1, "workers", workers, ">= 1");
			this.workers = workers;
			return this;
		}

		public Builder lifespan(LifespanMode lifespan) {
			this.lifespan = Objects.requireNonNull(lifespan, "lifespan");
			return this;
		}

		public Builder maxRequestLineSize(int maxRequestLineSize) {
			check(maxRequestLineSize >= 64, "max-request-line-size", maxRequestLineSize, ">= 64 bytes");
			this.maxRequestLineSize = maxRequestLineSize;
			return this;
		}

		public Builder maxHeaderSize(int maxHeaderSize) {
			check(maxHeaderSize >= 256, "max-header-size", maxHeaderSize, ">= 256 bytes");
			this.maxHeaderSize = maxHeaderSize;
			return this;
		}

		public Builder ws(WebSocketConfig ws) {
			this.ws = Objects.requireNonNull(ws, "ws");
			return this;
		}

		public Builder timeoutGracefulShutdown(@Nullable Duration timeout) {
			this.timeoutGracefulShutdown = nonNegative("timeout-graceful-shutdown", timeout);
			return this;
		}

		public Builder timeoutLifespanStartup(@Nullable Duration timeout) {
			this.timeoutLifespanStartup = positive("timeout-lifespan-startup", timeout);
			return this;
		}

		public Builder timeoutLifespanShutdown(@Nullable Duration timeout) {
			this.timeoutLifespanShutdown = positive("timeout-lifespan-shutdown", timeout);
			return this;
		}

		public Builder limitMaxRequests(int limitMaxRequests) {
			check(limitMaxRequests >= 0, "limit-max-requests", limitMaxRequests, ">= 0, 0 for no limit");
			this.limitMaxRequests = limitMaxRequests;
			return this;
		}

		public Builder limitMaxRequestsJitter(int jitter) {
			check(jitter >= 0, "limit-max-requests-jitter", jitter, ">= 0");
			this.limitMaxRequestsJitter = jitter;
			return this;
		}

		public Builder tls(@Nullable TlsConfig tls) {
			this.tls = tls;
			return this;
		}

		public Builder http2(Http2Config http2) {
			this.http2 = Objects.requireNonNull(http2, "http2");
			return this;
		}

		public Builder uds(@Nullable Path uds) {
			this.uds = uds;
			return this;
		}

		public Builder udsPermissions(int udsPermissions) {
			check(udsPermissions >= 0 && udsPermissions <= 0777, "uds-permissions", Integer.toOctalString(udsPermissions),
					"an octal mode 0-777");
			this.udsPermissions = udsPermissions;
			return this;
		}

		public Builder limitConcurrency(int limitConcurrency) {
			check(limitConcurrency >= 0, "limit-concurrency", limitConcurrency, ">= 0, 0 for no limit");
			this.limitConcurrency = limitConcurrency;
			return this;
		}

		public Builder maxRequestBodySize(long maxRequestBodySize) {
			check(maxRequestBodySize >= 0, "max-request-body-size", maxRequestBodySize, ">= 0 bytes, 0 for no limit");
			this.maxRequestBodySize = maxRequestBodySize;
			return this;
		}

		public Builder timeoutRequestHeader(Duration timeout) {
			Objects.requireNonNull(timeout, "timeoutRequestHeader");
			check(!timeout.isNegative() && !timeout.isZero(), "timeout-request-header", timeout, "> 0");
			this.timeoutRequestHeader = timeout;
			return this;
		}

		public Builder backlog(int backlog) {
			check(backlog >= 1, "backlog", backlog, ">= 1");
			this.backlog = backlog;
			return this;
		}

		public Builder proxyHeaders(ProxyHeadersConfig proxyHeaders) {
			this.proxyHeaders = Objects.requireNonNull(proxyHeaders, "proxyHeaders");
			return this;
		}

		/** @throws IllegalArgumentException naming an unknown or malformed atom */
		public Builder accessLogFormat(String accessLogFormat) {
			AccessLogFormat.compile(Objects.requireNonNull(accessLogFormat, "accessLogFormat"));
			this.accessLogFormat = accessLogFormat;
			return this;
		}

		public Builder accessLogExclude(List<String> accessLogExclude) {
			for (String pattern : accessLogExclude) {
				check(pattern.startsWith("/"), "access-log-exclude", "'" + pattern + "'",
						"a path pattern starting with '/', e.g. /health/*");
			}
			this.accessLogExclude = List.copyOf(accessLogExclude);
			return this;
		}

		public Builder listener(UviServerListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener");
			return this;
		}

		public UviConfig build() {
			return new UviConfig(this.host, this.port, this.rootPath, this.serverHeader, this.dateHeader,
					this.headers, this.timeoutKeepAlive, this.accessLog, this.workers, this.lifespan,
					this.maxRequestLineSize, this.maxHeaderSize, this.ws, this.timeoutGracefulShutdown,
					this.timeoutLifespanStartup, this.timeoutLifespanShutdown, this.limitMaxRequests,
					this.limitMaxRequestsJitter, this.tls, this.http2, this.uds, this.udsPermissions,
					this.limitConcurrency, this.maxRequestBodySize, this.timeoutRequestHeader, this.backlog,
					this.proxyHeaders, this.accessLogFormat, this.accessLogExclude, this.listener);
		}

		private static @Nullable Duration nonNegative(String property, @Nullable Duration value) {
			check(value == null || !value.isNegative(), property, value, ">= 0, or unset to wait");
			return value;
		}

		private static @Nullable Duration positive(String property, @Nullable Duration value) {
			check(value == null || (!value.isNegative() && !value.isZero()), property, value, "> 0, or unset to wait");
			return value;
		}

	}
}
