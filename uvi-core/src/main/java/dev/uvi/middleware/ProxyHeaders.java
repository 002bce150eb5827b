package dev.uvi.middleware;

import dev.uvi.asgi.Address;
import dev.uvi.asgi.ConnectionScope;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.WebSocketScope;
import dev.uvi.internal.http.RequestHeadRules;
import dev.uvi.server.ProxyHeadersConfig;
import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * uvicorn's proxy-header rules: when the peer is a trusted proxy, {@code X-Forwarded-For} (walked right
 * to left to the first untrusted address) becomes the scope's {@code client} and
 * {@code X-Forwarded-Proto} its {@code scheme} ({@code ws}/{@code wss} for WebSockets). Beyond uvicorn,
 * and only when asked: {@code X-Forwarded-Host}/{@code X-Forwarded-Port} replace the {@code host}
 * header and the scope's {@code server}, and RFC 7239 {@code Forwarded}, when present, is used instead
 * of the {@code X-Forwarded-*} headers. An untrusted peer's headers change nothing.
 * <p>
 * The server applies these rules itself, before it records a request, so that the access log and a
 * server listener see the same client the application sees, as uvicorn's access log does (its
 * middleware rewrites the very scope the log reads). {@link ProxyHeadersMiddleware} applies them as
 * a middleware.
 */
public final class ProxyHeaders {

	private final TrustedHosts trusted;

	private final boolean forwardedHost;

	private final boolean forwarded;

	/**
	 * @param trusted the peers whose headers are believed
	 * @param forwardedHost whether {@code X-Forwarded-Host}/{@code -Port} (and {@code host=} of
	 *     {@code Forwarded}) set the {@code host} header and {@code server}
	 * @param forwarded whether RFC 7239 {@code Forwarded} is read, in preference to {@code X-Forwarded-*}
	 */
	public ProxyHeaders(TrustedHosts trusted, boolean forwardedHost, boolean forwarded) {
		this.trusted = trusted;
		this.forwardedHost = forwardedHost;
		this.forwarded = forwarded;
	}

	/** @return the rules of this configuration, or null when proxy headers are off */
	public static @Nullable ProxyHeaders of(ProxyHeadersConfig config) {
		return config.enabled()
				? new ProxyHeaders(config.trustedHosts(), config.forwardedHost(), config.forwarded()) : null;
	}

	/**
	 * @param scope an HTTP or WebSocket scope as the server made it
	 * @return the scope the application sees: the same object when nothing applies
	 */
	@SuppressWarnings("unchecked") // each scope record's with-methods return its own type
	public <S extends ConnectionScope> S apply(S scope) {
		return (S) rewritten(scope);
	}

	private ConnectionScope rewritten(ConnectionScope scope) {
		Headers headers = scope.headers();
		if (!hasProxyHeaders(headers)) {
			return scope; // most requests: nothing to believe or not, so the peer is not even looked at
		}
		Address peer = scope.client();
		if (!this.trusted.contains((peer != null) ? peer.host() : null)) {
			return scope;
		}
		if (this.forwarded && headers.contains("forwarded")) {
			return applyForwarded(scope, ForwardedElements.parse(headers.getAll("forwarded")));
		}
		ConnectionScope result = scope;
		String proto = last(headers.getAll("x-forwarded-proto"));
		if (proto != null) {
			result = withProto(result, proto);
		}
		List<String> entries = items(headers.getAll("x-forwarded-for"));
		if (!entries.isEmpty()) {
			Address client = address(entries.get(untrustedFromRight(entries)));
			if (!client.host().isEmpty()) {
				result = result.withClient(client);
			}
		}
		String host = last(headers.getAll("x-forwarded-host"));
		if (this.forwardedHost && host != null) {
			result = withHost(result, host, last(headers.getAll("x-forwarded-port")));
		}
		return result;
	}

	private boolean hasProxyHeaders(Headers headers) {
		for (int i = 0; i < headers.size(); i++) {
			String name = headers.name(i);
			if (name.startsWith("x-forwarded-") || (this.forwarded && name.equals("forwarded"))) {
				return true;
			}
		}
		return false;
	}

	private ConnectionScope applyForwarded(ConnectionScope scope, List<Map<String, String>> elements) {
		List<String> fors = new ArrayList<>();
		for (Map<String, String> element : elements) {
			fors.add(element.getOrDefault("for", ""));
		}
		Map<String, String> chosen = elements.get(untrustedFromRight(fors));
		ConnectionScope result = scope;
		Address client = address(chosen.getOrDefault("for", ""));
		if (NetUtil.isValidIpV4Address(client.host()) || NetUtil.isValidIpV6Address(client.host())) {
			result = result.withClient(client); // not "unknown" nor an obfuscated "_name"
		}
		if (chosen.containsKey("proto")) {
			result = withProto(result, chosen.get("proto"));
		}
		if (this.forwardedHost && chosen.containsKey("host")) {
			result = withHost(result, chosen.get("host"), null);
		}
		return result;
	}

	/** uvicorn's walk: the first untrusted hop from the right; the leftmost when all are trusted. */
	private int untrustedFromRight(List<String> hops) {
		if (this.trusted.trustsEveryone()) {
			return 0;
		}
		for (int i = hops.size() - 1; i >= 0; i--) {
			if (!this.trusted.contains(address(hops.get(i)).host())) {
				return i;
			}
		}
		return 0;
	}

	private static ConnectionScope withProto(ConnectionScope scope, String value) {
		String proto = value.strip().toLowerCase(Locale.ROOT);
		if (!List.of("http", "https", "ws", "wss").contains(proto)) {
			return scope; // uvicorn ignores anything else
		}
		boolean secure = proto.endsWith("s");
		if (scope instanceof WebSocketScope) {
			return scope.withScheme(secure ? "wss" : "ws");
		}
		return scope.withScheme(secure ? "https" : "http");
	}

	private static ConnectionScope withHost(ConnectionScope scope, String value, @Nullable String forwardedPort) {
		String host = value.strip();
		if (host.isEmpty() || !RequestHeadRules.isValidHost(host)) {
			return scope;
		}
		Address named = address(host);
		int port = parsePort((forwardedPort != null) ? forwardedPort.strip() : "");
		if (port <= 0) {
			port = (named.port() != null && named.port() > 0) ? named.port()
					: ((scope.scheme().equals("https") || scope.scheme().equals("wss")) ? 443 : 80);
		}
		return scope.withHeaders(scope.headers().toBuilder().set("host", host).build())
			.withServer(Address.of(named.host(), port));
	}

	/** RFC 9110 list semantics: every field joined, split on commas, each item stripped. */
	private static List<String> items(List<String> fields) {
		List<String> items = new ArrayList<>();
		if (!fields.isEmpty()) {
			for (String item : String.join(", ", fields).split(",", -1)) {
				items.add(item.strip());
			}
		}
		return items;
	}

	private static @Nullable String last(List<String> fields) {
		List<String> items = items(fields);
		return items.isEmpty() ? null : items.get(items.size() - 1);
	}

	/**
	 * {@code 1.2.3.4}, {@code 1.2.3.4:80}, {@code [::1]}, {@code [::1]:80}, {@code ::1}; anything else
	 * verbatim with port 0, as uvicorn keeps malformed entries.
	 */
	static Address address(String entry) {
		if (entry.startsWith("[")) {
			int close = entry.indexOf(']');
			if (close > 0) {
				String rest = entry.substring(close + 1);
				int port = rest.startsWith(":") ? parsePort(rest.substring(1)) : 0;
				if (rest.isEmpty() || port >= 0) {
					return Address.of(entry.substring(1, close), Math.max(port, 0));
				}
			}
			return Address.of(entry, 0);
		}
		int colon = entry.indexOf(':');
		if (colon >= 0 && colon == entry.lastIndexOf(':')) {
			int port = parsePort(entry.substring(colon + 1));
			return (port >= 0) ? Address.of(entry.substring(0, colon), port) : Address.of(entry, 0);
		}
		return Address.of(entry, 0);
	}

	/** @return the port, or -1 when {@code text} is not one */
	private static int parsePort(String text) {
		if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return -1;
		}
		int port = Integer.parseInt(text);
		return (port <= 65535) ? port : -1;
	}
}
