package dev.uvi;

import dev.uvi.server.LifespanMode;
import dev.uvi.server.UviConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The runner's flags, in one table: each is named as its {@code uvi.*} property (which is uvicorn's
 * flag name) and maps onto {@link UviConfig.Builder}. Adding a property to {@code UviConfig} means adding
 * one entry here; {@code --help} and the parser follow.
 */
final class Flags {

	static final List<Flag> ALL = List.of(
			Flag.text("host", "ADDRESS", "address to bind; 0.0.0.0 for every IPv4 interface", UviConfig::host,
					(s, v) -> s.config.host(v)),
			Flag.integer("port", "port to bind; 0 picks a free one (the log line says which)", UviConfig::port,
					(s, v) -> s.config.port(v)),
			Flag.text("uds", "PATH", "unix domain socket to bind instead of host and port",
					(c) -> (c.uds() != null) ? c.uds() : "unset", (s, v) -> s.config.uds(Path.of(v))),
			Flag.text("uds-permissions", "MODE", "permissions of the socket file, octal",
					(c) -> "0" + Integer.toOctalString(c.udsPermissions()),
					(s, v) -> s.config.udsPermissions(octal(v))),
			Flag.text("root-path", "PATH", "prefix a proxy in front strips; prepended to path and raw_path",
					UviConfig::rootPath, (s, v) -> s.config.rootPath(v)),
			Flag.text("header", "'NAME: VALUE'", "extra header on every response; repeatable", (c) -> "none",
					Settings::addHeader),
			Flag.toggle("server-header", "send 'server: uvi'", UviConfig::serverHeader,
					(s, v) -> s.config.serverHeader(v)),
			Flag.toggle("date-header", "send 'date'", UviConfig::dateHeader, (s, v) -> s.config.dateHeader(v)),
			Flag.duration("timeout-keep-alive", "idle time before a keep-alive connection is closed",
					UviConfig::timeoutKeepAlive, (s, v) -> s.config.timeoutKeepAlive(v)),
			Flag.toggle("access-log", "one line per request on logger uvi.access", UviConfig::accessLog,
					(s, v) -> s.config.accessLog(v)),
			Flag.integer("workers", "event-loop threads, not processes; one per processor by default",
					UviConfig::workers, (s, v) -> s.config.workers(v)),
			Flag.choice("lifespan", List.of("auto", "on", "off"), "run the ASGI lifespan protocol",
					(c) -> c.lifespan().name().toLowerCase(Locale.ROOT),
					(s, v) -> s.config.lifespan(LifespanMode.valueOf(v.toUpperCase(Locale.ROOT)))),
			Flag.size("max-request-line-size", "longest request line accepted", UviConfig::maxRequestLineSize,
					(s, v) -> s.config.maxRequestLineSize(v)),
			Flag.size("max-header-size", "largest request header block accepted", UviConfig::maxHeaderSize,
					(s, v) -> s.config.maxHeaderSize(v)),
			Flag.choice("ws", List.of("auto", "none"), "WebSockets; none serves upgrade requests as plain HTTP",
					(c) -> c.ws().enabled() ? "auto" : "none", (s, v) -> s.ws = s.ws.withEnabled(v.equals("auto"))),
			Flag.size("ws-max-size", "largest incoming WebSocket message; larger closes with 1009",
					(c) -> c.ws().maxSize(), (s, v) -> s.ws = s.ws.withMaxSize(v)),
			Flag.integer("ws-max-queue", "accepted for uvicorn parity; uvi holds one unread message",
					(c) -> c.ws().maxQueue(), Settings::wsMaxQueue),
			Flag.duration("ws-ping-interval", "keep-alive ping interval; 0 disables pings",
					(c) -> c.ws().pingInterval(), (s, v) -> s.ws = s.ws.withPing(v, s.ws.pingTimeout())),
			Flag.duration("ws-ping-timeout", "an unanswered ping closes with 1011 after this",
					(c) -> c.ws().pingTimeout(), (s, v) -> s.ws = s.ws.withPing(s.ws.pingInterval(), v)),
			Flag.toggle("ws-per-message-deflate", "negotiate permessage-deflate", (c) -> c.ws().perMessageDeflate(),
					Settings::wsPerMessageDeflate),
			Flag.duration("timeout-graceful-shutdown", "time in-flight requests get at shutdown; unset waits",
					UviConfig::timeoutGracefulShutdown, (s, v) -> s.config.timeoutGracefulShutdown(v)),
			Flag.duration("timeout-lifespan-startup", "time the lifespan startup may take; unset waits",
					UviConfig::timeoutLifespanStartup, (s, v) -> s.config.timeoutLifespanStartup(v)),
			Flag.duration("timeout-lifespan-shutdown", "time the lifespan shutdown may take; unset waits",
					UviConfig::timeoutLifespanShutdown, (s, v) -> s.config.timeoutLifespanShutdown(v)),
			Flag.integer("limit-max-requests", "shut down gracefully (exit 0) after N responses; 0 for no limit",
					UviConfig::limitMaxRequests, (s, v) -> s.config.limitMaxRequests(v)),
			Flag.integer("limit-max-requests-jitter", "a random 0..N added to limit-max-requests",
					UviConfig::limitMaxRequestsJitter, (s, v) -> s.config.limitMaxRequestsJitter(v)),
			Flag.integer("limit-concurrency", "connections and requests beyond which requests get a 503; 0: no limit",
					UviConfig::limitConcurrency, (s, v) -> s.config.limitConcurrency(v)),
			Flag.size("max-request-body-size", "largest request body accepted, else 413; 0 for no limit",
					(c) -> (int) c.maxRequestBodySize(), (s, v) -> s.config.maxRequestBodySize(v)),
			Flag.duration("timeout-request-header", "time a request head may take to arrive, else 408",
					UviConfig::timeoutRequestHeader, (s, v) -> s.config.timeoutRequestHeader(v)),
			Flag.integer("backlog", "the listening socket's accept queue", UviConfig::backlog,
					(s, v) -> s.config.backlog(v)),
			Flag.toggle("proxy-headers", "apply X-Forwarded-For/-Proto from trusted peers",
					(c) -> c.proxyHeaders().enabled(), (s, v) -> s.proxy(v, s.proxy.forwardedAllowIps(),
							s.proxy.forwardedHost(), s.proxy.forwarded())),
			Flag.text("forwarded-allow-ips", "LIST", "trusted peers: addresses, CIDRs, * for all; comma-separated",
					(c) -> String.join(",", c.proxyHeaders().forwardedAllowIps()), (s, v) -> s.proxy(
							s.proxy.enabled(), List.of(v.split(",")), s.proxy.forwardedHost(), s.proxy.forwarded())),
			Flag.toggle("forwarded-host-headers", "trusted X-Forwarded-Host/-Port set host (beyond uvicorn)",
					(c) -> c.proxyHeaders().forwardedHost(), (s, v) -> s.proxy(s.proxy.enabled(),
							s.proxy.forwardedAllowIps(), v, s.proxy.forwarded())),
			Flag.toggle("forwarded-header", "read a trusted RFC 7239 Forwarded header (beyond uvicorn)",
					(c) -> c.proxyHeaders().forwarded(), (s, v) -> s.proxy(s.proxy.enabled(),
							s.proxy.forwardedAllowIps(), s.proxy.forwardedHost(), v)),
			Flag.text("ssl-certfile", "FILE", "certificate chain (PEM); with --ssl-keyfile turns TLS on",
					(c) -> "unset", (s, v) -> s.sslCertfile = Path.of(v)),
			Flag.text("ssl-keyfile", "FILE", "private key (PEM, PKCS#8)", (c) -> "unset",
					(s, v) -> s.sslKeyfile = Path.of(v)),
			Flag.text("ssl-keyfile-password", "TEXT", "password of the private key", (c) -> "unset",
					(s, v) -> s.sslKeyfilePassword = v),
			Flag.text("ssl-ca-certs", "FILE", "CA certificates (PEM) client certificates must chain to",
					(c) -> "unset", (s, v) -> s.sslCaCerts = Path.of(v)),
			Flag.choice("ssl-cert-reqs", List.of("none", "optional", "required", "0", "1", "2"),
					"client certificates: none, optional or required", (c) -> "none", Settings::sslCertReqs),
			Flag.toggle("http2", "offer HTTP/2 to TLS clients through ALPN", (c) -> c.http2().enabled(),
					(s, v) -> s.http2 = s.http2.withEnabled(v)),
			Flag.toggle("h2c", "accept cleartext HTTP/2 (prior knowledge and Upgrade: h2c)",
					(c) -> c.http2().h2c(), (s, v) -> s.http2 = s.http2.withH2c(v)),
			Flag.toggle("factory", "APP must be a factory method (a method is called as one anyway)", (c) -> false,
					(s, v) -> s.factory = v));

	/** uvicorn flags that have no uvi equivalent, with what to do instead. */
	private static final Map<String, String> UVICORN_ONLY = Map.of(
			"reload", "spring-boot-devtools restarts a Spring application on change",
			"log-config", "configure the SLF4J provider on the classpath (logback.xml, simplelogger.properties)",
			"log-level", "configure the SLF4J provider on the classpath (logback.xml, simplelogger.properties)",
			"ssl-version", "the JDK negotiates TLS 1.2 or 1.3; uvi.ssl.protocols in the starter",
			"fd", "bind a TCP port; systemd socket activation is not supported",
			"loop", "reactor-netty picks epoll or NIO itself",
			"http", "reactor-netty's HTTP/1.1 codec is the one implementation",
			"interface", "the application is an AsgiApplication",
			"app-dir", "put the application's classes on -cp",
			"env-file", "set the environment in the service manager (systemd EnvironmentFile=)");

	private Flags() {
	}

	static @Nullable Flag find(String name) {
		for (Flag flag : ALL) {
			if (flag.name().equals(name)) {
				return flag;
			}
		}
		return null;
	}

	private static int octal(String mode) {
		try {
			return Integer.parseInt(mode, 8);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("(expected: octal, e.g. 0660)");
		}
	}

	/** @return the one line for a flag the table does not have */
	static String unknown(String flag) {
		String name = flag.replaceFirst("^--?", "");
		String instead = UVICORN_ONLY.get(name);
		return (instead != null) ? flag + ": a uvicorn flag uvi does not have (instead: " + instead + ")"
				: flag + ": unknown flag (expected: one of the flags --help lists)";
	}
}
