package dev.uvi.spring.autoconfigure;

import dev.uvi.asgi.Headers;
import dev.uvi.server.UviConfig;
import dev.uvi.server.WebSocketConfig;
import java.util.List;
import java.util.function.Consumer;
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
		map.from(properties::timeoutGracefulShutdown)
			.to(checked("uvi.timeout-graceful-shutdown", builder::timeoutGracefulShutdown));
		map.from(properties::timeoutLifespanStartup)
			.to(checked("uvi.timeout-lifespan-startup", builder::timeoutLifespanStartup));
		map.from(properties::timeoutLifespanShutdown)
			.to(checked("uvi.timeout-lifespan-shutdown", builder::timeoutLifespanShutdown));
		map.from(properties::limitMaxRequests).to(checked("uvi.limit-max-requests", builder::limitMaxRequests));
		map.from(properties::limitMaxRequestsJitter)
			.to(checked("uvi.limit-max-requests-jitter", builder::limitMaxRequestsJitter));
	}

	private static WebSocketConfig webSocketConfig(UviProperties.Ws ws) {
		int maxSize = bytes("uvi.ws.max-size", ws.maxSize());
		try {
			return new WebSocketConfig(ws.enabled(), maxSize, ws.maxQueue(), ws.pingInterval(), ws.pingTimeout(),
					ws.perMessageDeflate());
		}
		catch (IllegalArgumentException ex) {
			// the config names its field ("ws.max-size: …"): that is the property under uvi.
			String message = String.valueOf(ex.getMessage());
			int colon = message.indexOf(": ");
			String property = (colon > 0) ? "uvi." + message.substring(0, colon) : "uvi.ws";
			throw InvalidUviPropertyException.of(property, ex);
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
