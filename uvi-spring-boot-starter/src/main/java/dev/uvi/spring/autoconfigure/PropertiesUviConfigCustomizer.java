package dev.uvi.spring.autoconfigure;

import dev.uvi.asgi.Headers;
import dev.uvi.server.Http2Config;
import dev.uvi.server.TlsConfig;
import dev.uvi.server.ProxyHeadersConfig;
import dev.uvi.server.UviConfig;
import dev.uvi.server.WebSocketConfig;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The one place that maps {@link UviProperties} onto {@link UviConfig.Builder}. Runs first (order
 * {@value #ORDER}); a value the builder refuses becomes an {@link InvalidUviPropertyException}
 * naming the {@code uvi.*} property.
 */
final class PropertiesUviConfigCustomizer implements UviConfigCustomizer, Ordered {

	static final int ORDER = 0;

	private final UviProperties properties;

	PropertiesUviConfigCustomizer(UviProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customize(UviConfig.Builder builder) {
		PropertyMapper map = PropertyMapper.get();
		UviProperties properties = this.properties;
		map.from(properties::host).to(checked("uvi.host", builder::host));
		map.from(properties::port).to(checked("uvi.port", builder::port));
		map.from(properties::rootPath).to(checked("uvi.root-path", builder::rootPath));
		map.from(properties::serverHeader).to(builder::serverHeader);
		map.from(properties::dateHeader).to(builder::dateHeader);
		map.from(properties::headers).as(PropertiesUviConfigCustomizer::parseHeaders)
			.to(checked("uvi.headers", builder::headers));
		map.from(properties::timeoutKeepAlive).to(checked("uvi.timeout-keep-alive", builder::timeoutKeepAlive));
		map.from(properties::accessLog).to(builder::accessLog);
		map.from(properties::workers).to(checked("uvi.workers", builder::workers));
		map.from(properties::lifespan).to(builder::lifespan);
		map.from(properties::maxRequestLineSize).as((size) -> bytes("uvi.max-request-line-size", size))
			.to(checked("uvi.max-request-line-size", builder::maxRequestLineSize));
		map.from(properties::maxHeaderSize).as((size) -> bytes("uvi.max-header-size", size))
			.to(checked("uvi.max-header-size", builder::maxHeaderSize));
		map.from(properties::ws).to((ws) -> builder.ws(webSocketConfig(ws)));
		map.from(properties::limitConcurrency).to(checked("uvi.limit-concurrency", builder::limitConcurrency));
		map.from(properties::maxRequestBodySize).as(DataSize::toBytes)
			.to(checked("uvi.max-request-body-size", builder::maxRequestBodySize));
		map.from(properties::timeoutRequestHeader)
			.to(checked("uvi.timeout-request-header", builder::timeoutRequestHeader));
		map.from(properties::backlog).to(checked("uvi.backlog", builder::backlog));
		map.from(properties).to(checked("uvi.forwarded-allow-ips", (all) -> builder.proxyHeaders(
				new ProxyHeadersConfig(all.proxyHeaders(), all.forwardedAllowIps(), all.forwardedHostHeaders(),
						all.forwardedHeader()))));
		map.from(properties::timeoutGracefulShutdown)
			.to(checked("uvi.timeout-graceful-shutdown", builder::timeoutGracefulShutdown));
		map.from(properties::timeoutLifespanStartup)
			.to(checked("uvi.timeout-lifespan-startup", builder::timeoutLifespanStartup));
		map.from(properties::timeoutLifespanShutdown)
			.to(checked("uvi.timeout-lifespan-shutdown", builder::timeoutLifespanShutdown));
		map.from(properties::limitMaxRequests).to(checked("uvi.limit-max-requests", builder::limitMaxRequests));
		map.from(properties::limitMaxRequestsJitter)
			.to(checked("uvi.limit-max-requests-jitter", builder::limitMaxRequestsJitter));
		builder.http2(http2Config(properties));
		map.from(properties::uds).to(builder::uds);
		map.from(properties::udsPermissions).as(PropertiesUviConfigCustomizer::octal)
			.to(checked("uvi.uds-permissions", builder::udsPermissions));
		map.from(properties::ssl).as(PropertiesUviConfigCustomizer::pemTls).to(builder::tls);
		map.from(properties::accessLogFormat).to(checked("uvi.access-log-format", builder::accessLogFormat));
		map.from(properties::accessLogExclude).to(checked("uvi.access-log-exclude", builder::accessLogExclude));
	}

	/** uvicorn's PEM flags; null (no TLS) without a certificate file. A bundle is mapped by its own customizer. */
	private static @Nullable TlsConfig pemTls(UviProperties.Ssl ssl) {
		if (ssl.certfile() == null && ssl.keyfile() == null) {
			return null;
		}
		if (ssl.certfile() == null || ssl.keyfile() == null) {
			String missing = (ssl.certfile() == null) ? "uvi.ssl.certfile" : "uvi.ssl.keyfile";
			throw new InvalidUviPropertyException(missing, "unset (expected: set together with "
					+ ((ssl.certfile() == null) ? "uvi.ssl.keyfile" : "uvi.ssl.certfile") + ")", null);
		}
		return options(TlsConfig.pem(ssl.certfile(), ssl.keyfile(), ssl.keyfilePassword()), ssl);
	}

	/**
	 * The options every TLS source shares: client certificates, and ciphers and protocols (the
	 * properties' when set, else what the source had, e.g. a bundle's options).
	 */
	static TlsConfig options(TlsConfig tls, UviProperties.Ssl ssl) {
		return tls.withClientAuth(ssl.certReqs(), ssl.caCerts())
			.withCiphersAndProtocols(ssl.ciphers().isEmpty() ? tls.ciphers() : ssl.ciphers(),
					ssl.protocols().isEmpty() ? tls.protocols() : ssl.protocols());
	}

	private static Http2Config http2Config(UviProperties properties) {
		try {
			return new Http2Config(properties.http2(), properties.h2c(), properties.http2MaxConcurrentStreams(),
					properties.http2InitialWindowSize(), properties.http2MaxHeaderListSize().toBytes());
		}
		catch (IllegalArgumentException ex) {
			throw InvalidUviPropertyException.named(ex);
		}
	}

	private static int octal(String permissions) {
		try {
			return Integer.parseInt(permissions, 8);
		}
		catch (NumberFormatException ex) {
			throw new InvalidUviPropertyException("uvi.uds-permissions", "'" + permissions + "' (expected: octal, e.g. 0660)",
					ex);
		}
	}

	private static WebSocketConfig webSocketConfig(UviProperties.Ws ws) {
		int maxSize = bytes("uvi.ws.max-size", ws.maxSize());
		try {
			return new WebSocketConfig(ws.enabled(), maxSize, ws.maxQueue(), ws.pingInterval(), ws.pingTimeout(),
					ws.perMessageDeflate());
		}
		catch (IllegalArgumentException ex) {
			throw InvalidUviPropertyException.named(ex);
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	/**
	 * uvicorn's {@code --header} form: split on the first colon. Unlike uvicorn the value is trimmed,
	 * so {@code "X-A: b"} means {@code b} (uvicorn sends {@code " b"}, which h11 then refuses).
	 */
	static Headers parseHeaders(List<String> headers) {
		Headers.Builder parsed = Headers.builder();
		for (int i = 0; i < headers.size(); i++) {
			String header = headers.get(i);
			int colon = header.indexOf(':');
			if (colon < 0) {
				String detail = "'" + header + "' (expected: 'Name: Value')";
				throw new InvalidUviPropertyException("uvi.headers[" + i + "]", detail, null);
			}
			parsed.add(header.substring(0, colon), header.substring(colon + 1).strip());
		}
		return parsed.build();
	}

	private static int bytes(String property, DataSize size) {
		long bytes = size.toBytes();
		if (bytes < 0 || bytes > Integer.MAX_VALUE) {
			throw new InvalidUviPropertyException(property, size + " (expected: 0B-" + Integer.MAX_VALUE + "B)", null);
		}
		return (int) bytes;
	}

	private static <T> Consumer<T> checked(String property, Consumer<T> setter) {
		return (value) -> {
			try {
				setter.accept(value);
			}
			catch (InvalidUviPropertyException ex) {
				throw ex;
			}
			catch (IllegalArgumentException ex) {
				throw InvalidUviPropertyException.of(property, ex);
			}
		};
	}
}
