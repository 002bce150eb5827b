package dev.uvi.spring.autoconfigure;

import dev.uvi.server.LifespanMode;
import dev.uvi.server.TlsConfig;
import dev.uvi.server.UviConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * The {@code uvi.*} properties, named after uvicorn's command-line flags and defaulting to its
 * values (which are {@link dev.uvi.server.UviConfig}'s). For example:
 *
 * <pre>{@code
 * uvi:
 *   host: 0.0.0.0
 *   port: 8080
 *   timeout-keep-alive: 10s
 *   headers:
 *     - "X-Served-By: uvi"
 * }</pre>
 *
 * <p>Each {@code @param} below becomes the property's description in IDEs (through the
 * configuration processor), so they are written as the metadata wants them: plain sentences.
 *
 * @param host Address to bind. Default 127.0.0.1.
 * @param port Port to bind, 0 for any free port. Default 8000.
 * @param rootPath Path prefix a proxy in front strips, as uvicorn's --root-path. Default empty.
 * @param serverHeader Whether responses carry "server: uvi". Default true.
 * @param dateHeader Whether responses carry a "date" header. Default true.
 * @param headers Extra headers on every response, each "Name: Value" as uvicorn's --header. Default none.
 * @param timeoutKeepAlive Time an idle keep-alive connection stays open; a bare number means seconds. Default 5s.
 * @param accessLog Whether each request is logged on the "uvi.access" logger. Default true.
 * @param workers Number of event-loop threads. Default the number of available processors.
 * @param lifespan Whether the ASGI lifespan protocol runs: auto, on or off. Default auto.
 * @param maxRequestLineSize Longest request line accepted; a bare number means bytes. Default 8KB.
 * @param maxHeaderSize Largest request header block accepted; a bare number means bytes. Default 16KB.
 * @param ws WebSocket settings, uvicorn's --ws-* flags.
 * @param timeoutGracefulShutdown Time in-flight requests get at shutdown before they are cancelled; unset waits as long as spring.lifecycle.timeout-per-shutdown-phase allows (30s by default); a bare number means seconds.
 * @param timeoutLifespanStartup Time the lifespan startup (beans and application) may take; unset waits, as uvicorn does; a bare number means seconds.
 * @param timeoutLifespanShutdown Time the lifespan shutdown may take; unset waits, as uvicorn does; a bare number means seconds.
 * @param limitMaxRequests Responses after which the server shuts down gracefully (the process then exits with 0); 0 for no limit. Default 0.
 * @param limitMaxRequestsJitter Random 0..N added to limit-max-requests so that instances do not restart together. Default 0.
 * @param ssl TLS settings, uvicorn's --ssl-* flags, or a Spring SSL bundle.
 * @param http2 Whether TLS connections offer HTTP/2 through ALPN (it applies only with TLS). Default true.
 * @param h2c Whether cleartext connections accept HTTP/2 by prior knowledge and by Upgrade: h2c. Default false.
 * @param http2MaxConcurrentStreams HTTP/2 streams a client may open at once. Default 128.
 * @param http2InitialWindowSize HTTP/2 flow-control window of each stream, in bytes. Default 65535.
 * @param http2MaxHeaderListSize Largest HTTP/2 header list accepted; a bare number means bytes. Default 16KB.
 * @param uds Unix domain socket path to bind instead of host and port, as uvicorn's --uds.
 * @param udsPermissions Permissions of the unix socket file, in octal. Default 0666.
 * @param limitConcurrency Open connections and in-progress requests beyond which requests get uvicorn's 503 "Service Unavailable"; unset for no limit.
 * @param maxRequestBodySize Largest request body accepted, else 413; a bare number means bytes; unset for no limit.
 * @param timeoutRequestHeader Time a request head may take to arrive, else 408 and close (slowloris); a bare number means seconds. Default 30s.
 * @param backlog Length of the listening socket's accept queue. Default 2048.
 * @param proxyHeaders Whether X-Forwarded-For and X-Forwarded-Proto from trusted peers set the client and scheme. Default true.
 * @param forwardedAllowIps Peers whose proxy headers are trusted: addresses, CIDRs, or * for all. Default 127.0.0.1.
 * @param forwardedHostHeaders Whether trusted X-Forwarded-Host and X-Forwarded-Port set the host header and the scope's server (beyond uvicorn). Default false.
 * @param forwardedHeader Whether a trusted RFC 7239 Forwarded header is read, in preference to X-Forwarded-* (beyond uvicorn). Default false.
 * @param accessLogFormat Access-log line with Gunicorn-style atoms such as %(h)s, %(r)s, %(s)s, %(D)s or %({user-agent}i)s. Default uvicorn's line.
 * @param accessLogExclude Path patterns not access-logged, e.g. /health/*; * matches within a segment, ** across segments. Default none.
 * @param metrics Micrometer metrics, when Micrometer is on the classpath.
 */
@ConfigurationProperties("uvi")
public record UviProperties(
		@DefaultValue("127.0.0.1") String host,
		@DefaultValue("8000") int port,
		@DefaultValue("") String rootPath,
		@DefaultValue("true") boolean serverHeader,
		@DefaultValue("true") boolean dateHeader,
		@DefaultValue List<String> headers,
		@DefaultValue("5s") @DurationUnit(ChronoUnit.SECONDS) Duration timeoutKeepAlive,
		@DefaultValue("true") boolean accessLog,
		@Nullable Integer workers,
		@DefaultValue("auto") LifespanMode lifespan,
		@DefaultValue("8KB") DataSize maxRequestLineSize,
		@DefaultValue("16KB") DataSize maxHeaderSize,
		@DefaultValue Ws ws,
		@DurationUnit(ChronoUnit.SECONDS) @Nullable Duration timeoutGracefulShutdown,
		@DurationUnit(ChronoUnit.SECONDS) @Nullable Duration timeoutLifespanStartup,
		@DurationUnit(ChronoUnit.SECONDS) @Nullable Duration timeoutLifespanShutdown,
		@DefaultValue("0") int limitMaxRequests,
		@DefaultValue("0") int limitMaxRequestsJitter,
		@DefaultValue Ssl ssl,
		@DefaultValue("true") boolean http2,
		@DefaultValue("false") boolean h2c,
		@DefaultValue("128") long http2MaxConcurrentStreams,
		@DefaultValue("65535") int http2InitialWindowSize,
		@DefaultValue("16KB") DataSize http2MaxHeaderListSize,
		@Nullable Path uds,
		@DefaultValue("0666") String udsPermissions,
		@Nullable Integer limitConcurrency,
		@Nullable DataSize maxRequestBodySize,
		@DefaultValue("30s") @DurationUnit(ChronoUnit.SECONDS) Duration timeoutRequestHeader,
		@DefaultValue("2048") int backlog,
		@DefaultValue("true") boolean proxyHeaders,
		@DefaultValue("127.0.0.1") List<String> forwardedAllowIps,
		@DefaultValue("false") boolean forwardedHostHeaders,
		@DefaultValue("false") boolean forwardedHeader,
		@DefaultValue(UviConfig.DEFAULT_ACCESS_LOG_FORMAT) String accessLogFormat,
		@DefaultValue List<String> accessLogExclude,
		@DefaultValue Metrics metrics) {

	/**
	 * Metrics settings ({@code uvi.metrics.*}).
	 *
	 * @param enabled Whether the server records http.server.requests and uvi.* meters when a MeterRegistry exists. Default true.
	 * @param prometheusPath Path at which the application also answers with the Prometheus scrape (text format), when a PrometheusMeterRegistry bean exists; unset for none.
	 */
	public record Metrics(
			@DefaultValue("true") boolean enabled,
			@Nullable String prometheusPath) {
	}

	/**
	 * TLS settings ({@code uvi.ssl.*}): PEM files as uvicorn takes them, or a Spring SSL bundle.
	 *
	 * @param certfile Certificate chain file (PEM), as uvicorn's --ssl-certfile.
	 * @param keyfile Private key file (PEM, PKCS#8), as uvicorn's --ssl-keyfile.
	 * @param keyfilePassword Password of the private key, as uvicorn's --ssl-keyfile-password.
	 * @param caCerts CA certificates (PEM) that client certificates must chain to, as uvicorn's --ssl-ca-certs.
	 * @param certReqs Whether clients must present a certificate: none, optional or required. Default none.
	 * @param ciphers Cipher suites to allow; empty for the JDK's defaults.
	 * @param protocols TLS protocols to allow (TLSv1.2, TLSv1.3); empty for both.
	 * @param bundle Name of a Spring SSL bundle (spring.ssl.bundle.*) to use instead of the files; with reload-on-update, a replaced certificate reaches new connections without a restart.
	 */
	public record Ssl(
			@Nullable Path certfile,
			@Nullable Path keyfile,
			@Nullable String keyfilePassword,
			@Nullable Path caCerts,
			@DefaultValue("none") TlsConfig.ClientAuth certReqs,
			@DefaultValue List<String> ciphers,
			@DefaultValue List<String> protocols,
			@Nullable String bundle) {
	}


	/**
	 * WebSocket settings ({@code uvi.ws.*}).
	 *
	 * @param enabled Whether upgrade requests become WebSockets; false serves them as plain HTTP (uvicorn's --ws none). Default true.
	 * @param maxSize Largest incoming message; larger ones close the socket with 1009. Default 16MB.
	 * @param maxQueue Accepted for uvicorn parity; uvi reads one message per receive(), so at most one waits. Default 32.
	 * @param pingInterval Interval of the server's keep-alive pings; 0 disables them; a bare number means seconds. Default 20s.
	 * @param pingTimeout Time a ping may go unanswered before the socket is closed with 1011; a bare number means seconds. Default 20s.
	 * @param perMessageDeflate Whether the permessage-deflate extension is negotiated. Default true.
	 */
	public record Ws(
			@DefaultValue("true") boolean enabled,
			@DefaultValue("16MB") DataSize maxSize,
			@DefaultValue("32") int maxQueue,
			@DefaultValue("20s") @DurationUnit(ChronoUnit.SECONDS) Duration pingInterval,
			@DefaultValue("20s") @DurationUnit(ChronoUnit.SECONDS) Duration pingTimeout,
			@DefaultValue("true") boolean perMessageDeflate) {
	}
}
