package dev.uvi.internal.http;

import dev.uvi.asgi.Address;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.WebSocketScope;
import dev.uvi.routing.MatchedRoute;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
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

	/** The denial-response extension: an application may answer a handshake with a plain HTTP response. */
	private static final Map<String, Object> WEBSOCKET_EXTENSIONS = Map.of("websocket.http.response", Map.of());

	/** Trailers and zero-copy file responses. */
	private static final Map<String, Object> HTTP_EXTENSIONS = Map.of("http.response.trailers", Map.of(),
			"http.response.pathsend", Map.of());

	private final String rootPath;

	private final Supplier<Map<String, Object>> lifespanState;

	ScopeFactory(String rootPath, Supplier<Map<String, Object>> lifespanState) {
		this.rootPath = rootPath;
		this.lifespanState = lifespanState;
	}

	/** @param route the holder a router fills, or null when nobody listens (see {@link MatchedRoute}) */
	HttpScope http(HttpServerRequest request, HttpConnection connection, @Nullable MatchedRoute route) {
		Target target = Target.of(request.uri());
		return new HttpScope(httpVersion(request.version()), request.method().name(), request.scheme(),
				rooted(decode(target.rawPath)), rooted(target.rawPath), target.query, this.rootPath,
				headers(request.requestHeaders()), connection.client(), connection.server(), stateCopy(),
				httpExtensions(connection.tls(), route));
	}

	/** Trailers and pathsend always; {@code tls} on TLS connections; the route holder when someone listens. */
	private static Map<String, Object> httpExtensions(@Nullable Map<String, Object> tls, @Nullable MatchedRoute route) {
		if (tls == null && route == null) {
			return HTTP_EXTENSIONS;
		}
		Map<String, Object> extensions = new HashMap<>(HTTP_EXTENSIONS);
		if (tls != null) {
			extensions.put("tls", tls);
		}
		if (route != null) {
			extensions.put(MatchedRoute.EXTENSION, route);
		}
		return Collections.unmodifiableMap(extensions);
	}

	/** The scope of an upgrade request, built before the handshake is answered. */
	WebSocketScope websocket(HttpServerRequest request, HttpConnection connection) {
		Target target = Target.of(request.uri());
		List<String> subprotocols = new ArrayList<>();
		for (String offered : request.requestHeaders().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
			for (String protocol : offered.split(",")) {
				if (!protocol.isBlank()) {
					subprotocols.add(protocol.trim());
				}
			}
		}
		String scheme = "https".equals(request.scheme()) ? "wss" : "ws";
		return new WebSocketScope(httpVersion(request.version()), scheme, rooted(decode(target.rawPath)),
				rooted(target.rawPath), target.query, this.rootPath, headers(request.requestHeaders()),
				connection.client(), connection.server(), List.copyOf(subprotocols),
				stateCopy(), webSocketExtensions(connection.tls()));
	}

	private static Map<String, Object> webSocketExtensions(@Nullable Map<String, Object> tls) {
		return (tls == null) ? WEBSOCKET_EXTENSIONS : Map.of("websocket.http.response", Map.of(), "tls", tls);
	}

	/** The request target split into path (origin form) and query. */
	private record Target(String rawPath, String query) {

		static Target of(String uri) {
			int query = uri.indexOf('?');
			String rawTarget = (query >= 0) ? uri.substring(0, query) : uri;
			return new Target(originFormPath(rawTarget), (query >= 0) ? uri.substring(query + 1) : "");
		}
	}

	/** The path as the application sees it: behind the root path, with no new string when there is none. */
	private String rooted(String path) {
		return this.rootPath.isEmpty() ? path : this.rootPath + path;
	}

	private Map<String, Object> stateCopy() {
		return new StateCopy(this.lifespanState.get());
	}

	static String httpVersion(HttpVersion version) {
		if (version.majorVersion() == 2) {
			return "2";
		}
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
		// uvicorn: (path, None) for the server on a unix socket; the peer of one has no name, so no client
		if (socketAddress instanceof DomainSocketAddress unix) {
			return unix.path().isEmpty() ? null : new Address(unix.path(), null);
		}
		if (socketAddress instanceof UnixDomainSocketAddress unix) {
			return unix.getPath().toString().isEmpty() ? null : new Address(unix.getPath().toString(), null);
		}
		if (socketAddress instanceof InetSocketAddress inet) {
			String host = (inet.getAddress() != null) ? NetUtil.toAddressString(inet.getAddress()) : inet.getHostString();
			return Address.of(host, inet.getPort());
		}
		return null;
	}
}
