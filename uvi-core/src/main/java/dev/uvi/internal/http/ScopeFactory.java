package dev.uvi.internal.http;

import dev.uvi.asgi.Address;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpScope;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Builds the ASGI scope of a request, as uvicorn does: {@code path} decoded and {@code raw_path} as
 * sent, both prefixed with the configured root path (the proxy in front strips it), the query string
 * as sent, header names lower-cased, and a shallow copy of the lifespan state.
 */
final class ScopeFactory {

	private final String rootPath;

	private final Supplier<Map<String, Object>> lifespanState;

	ScopeFactory(String rootPath, Supplier<Map<String, Object>> lifespanState) {
		this.rootPath = rootPath;
		this.lifespanState = lifespanState;
	}

	HttpScope http(HttpServerRequest request, @Nullable SocketAddress local) {
		String target = request.uri();
		int query = target.indexOf('?');
		String rawTarget = (query >= 0) ? target.substring(0, query) : target;
		String queryString = (query >= 0) ? target.substring(query + 1) : "";
		String rawPath = originFormPath(rawTarget);
		return new HttpScope(httpVersion(request.version()), request.method().name(), request.scheme(),
				this.rootPath + decode(rawPath), this.rootPath + rawPath, queryString, this.rootPath,
				headers(request.requestHeaders()), address(request.remoteAddress()), address(local), stateCopy(),
				Map.of());
	}

	private Map<String, Object> stateCopy() {
		Map<String, Object> state = this.lifespanState.get();
		return state.isEmpty() ? new HashMap<>(4) : new HashMap<>(state);
	}

	static String httpVersion(HttpVersion version) {
		return (version.majorVersion() == 1 && version.minorVersion() == 0) ? "1.0" : "1.1";
	}

	/** An absolute-form target ({@code http://host/p}) is served as its path, as httptools does. */
	private static String originFormPath(String rawTarget) {
		if (rawTarget.startsWith("/") || rawTarget.equals("*")) {
			return rawTarget;
		}
		int authority = rawTarget.indexOf("://");
		if (authority < 0) {
			return rawTarget;
		}
		int path = rawTarget.indexOf('/', authority + 3);
		return (path >= 0) ? rawTarget.substring(path) : "/";
	}

	private static String decode(String rawPath) {
		if (rawPath.indexOf('%') < 0) {
			return rawPath;
		}
		try {
			return new QueryStringDecoder(rawPath, StandardCharsets.UTF_8, true).path();
		}
		catch (IllegalArgumentException ex) {
			return rawPath; // a broken escape stays as sent, as Python's unquote leaves it
		}
	}

	private static Headers headers(HttpHeaders netty) {
		Headers.Builder builder = Headers.builder();
		for (var it = netty.iteratorCharSequence(); it.hasNext();) {
			Entry<CharSequence, CharSequence> header = it.next();
			builder.add(header.getKey().toString(), header.getValue().toString());
		}
		return builder.build();
	}

	static @Nullable Address address(@Nullable SocketAddress socketAddress) {
		if (socketAddress instanceof InetSocketAddress inet) {
			String host = (inet.getAddress() != null) ? NetUtil.toAddressString(inet.getAddress()) : inet.getHostString();
			return Address.of(host, inet.getPort());
		}
		return null;
	}
}
