package dev.uvi.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.uvi.asgi.Address;
import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.LifespanScope;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.WebSocketScope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** uvicorn's proxy-header semantics, in process: no server, only scopes in and scopes out. */
class ProxyHeadersMiddlewareTests {

	private static final Address PEER = Address.of("127.0.0.1", 123);

	static Stream<Arguments> trust() {
		return Stream.of(Arguments.of(List.of("*"), "https://1.2.3.4:0"),
				Arguments.of(List.of("127.0.0.1"), "https://1.2.3.4:0"),
				Arguments.of(List.of("127.0.0.1", "10.0.0.1"), "https://1.2.3.4:0"),
				Arguments.of(List.of("127.0.0.0/24, 10.0.0.1"), "https://1.2.3.4:0"),
				Arguments.of(List.of("192.168.0.1"), "http://127.0.0.1:123"),
				Arguments.of(List.of("192.168.0.0/16"), "http://127.0.0.1:123"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("trust")
	// uvicorn tests/middleware/test_proxy_headers.py::test_proxy_headers_trusted_hosts
	void onlyTrustedPeersChangeClientAndScheme(List<String> trusted, String expected) {
		HttpScope seen = call(new ProxyHeadersMiddleware(this.app, trusted),
				http(Headers.of("x-forwarded-for", "1.2.3.4", "x-forwarded-proto", "https")));
		assertThat(seen.scheme() + "://" + seen.client()).isEqualTo(expected);
	}

	static Stream<Arguments> forwardedFor() {
		return Stream.of(Arguments.of(List.of("192.168.0.2", "127.0.0.1"), "1.2.3.4, 10.0.2.1, 192.168.0.2", "10.0.2.1:0"),
				Arguments.of(List.of("127.0.0.1, 10.0.0.0/8"), " , 10.0.0.1", "127.0.0.1:123"),
				Arguments.of(List.of("127.0.0.1, 10.0.0.0/8"), ", , 9.9.9.9", "9.9.9.9:0"),
				Arguments.of(List.of("127.0.0.1, 10.0.0.0/8"), ", , 9.9.9.9, , ", "127.0.0.1:123"),
				Arguments.of(List.of("*"), "1.2.3.4:5555, 10.0.0.1", "1.2.3.4:5555"),
				Arguments.of(List.of("127.0.0.1"), "[2001:db8::1]:8080", "2001:db8::1:8080"),
				Arguments.of(List.of("127.0.0.1"), "2001:db8::1", "2001:db8::1:0"),
				Arguments.of(List.of("127.0.0.1", "10.0.0.1"), "10.0.0.1", "10.0.0.1:0"));
	}

	@ParameterizedTest(name = "{1} -> {2}")
	@MethodSource("forwardedFor")
	// uvicorn tests/middleware/test_proxy_headers.py::test_proxy_headers_multiple_proxies and ::test_proxy_headers_invalid_x_forwarded_for
	void forwardedForIsWalkedRightToLeftToTheFirstUntrustedHop(List<String> trusted, String header, String client) {
		HttpScope seen = call(new ProxyHeadersMiddleware(this.app, trusted), http(Headers.of("x-forwarded-for", header)));
		assertThat(seen.client()).hasToString(client);
	}

	@Test
	// uvicorn tests/middleware/test_proxy_headers.py::test_proxy_headers_multiple_x_forwarded_for_headers
	void repeatedForwardedForFieldsAreOneList() {
		HttpScope seen = call(new ProxyHeadersMiddleware(this.app, List.of("127.0.0.1")),
				http(Headers.of("x-forwarded-for", "203.0.113.66, 198.51.100.23", "x-forwarded-for", "127.0.0.1")));
		assertThat(seen.client()).isEqualTo(Address.of("198.51.100.23", 0));
	}

	@Test
	// uvicorn tests/middleware/test_proxy_headers.py::test_proxy_headers_invalid_x_forwarded_proto
	void unknownProtoIsIgnoredAndTheLastProtoWins() {
		ProxyHeadersMiddleware middleware = new ProxyHeadersMiddleware(this.app, List.of("127.0.0.1"));
		assertThat(call(middleware, http(Headers.of("x-forwarded-proto", "asdf"))).scheme()).isEqualTo("http");
		assertThat(call(middleware, http(Headers.of("x-forwarded-proto", "https", "x-forwarded-proto", " http ")))
			.scheme()).isEqualTo("http");
	}

	@Test
	// uvicorn tests/middleware/test_proxy_headers.py::test_proxy_headers_websocket_x_forwarded_proto
	void webSocketsGetWsSchemes() {
		AtomicReference<Scope> seen = new AtomicReference<>();
		ProxyHeadersMiddleware middleware = new ProxyHeadersMiddleware(recording(seen), List.of("127.0.0.1"));
		WebSocketScope scope = new WebSocketScope("1.1", "ws", "/", "/", "", "", Headers.of("x-forwarded-proto", "https"),
				PEER, null, List.of(), new HashMap<>(), Map.of());
		middleware.call(scope, null, null);
		assertThat(((WebSocketScope) seen.get()).scheme()).isEqualTo("wss");
	}

	@Test
	void differentSpellingsOfOneIpv6AddressMatch() {
		TrustedHosts trusted = TrustedHosts.of(List.of("2001:db8:3333:4444:5555:6666:102:304"));
		assertThat(trusted.contains("2001:db8:3333:4444:5555:6666:1.2.3.4")).isTrue();
		assertThat(TrustedHosts.of(List.of("::1")).contains("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(TrustedHosts.of(List.of("2001:db8::/32")).contains("2001:db8:ffff::1")).isTrue();
		assertThat(TrustedHosts.of(List.of("2001:db8::/32")).contains("2001:db9::1")).isFalse();
	}

	@Test
	void nonAddressEntriesAreLiteralsAndMalformedNetworksAreRefused() {
		assertThat(TrustedHosts.of(List.of("unix:/tmp/uvi.sock")).contains("unix:/tmp/uvi.sock")).isTrue();
		assertThat(TrustedHosts.of(List.of("127.0.0.1")).contains(null)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedHosts.of(List.of("10.0.0.0/33")))
			.withMessageStartingWith("forwarded-allow-ips: '10.0.0.0/33' (expected:");
	}

	@Test
	void untrustedPeerScopeIsPassedOnUnchangedAndLifespanPassesThrough() {
		HttpScope scope = http(Headers.of("x-forwarded-for", "1.2.3.4", "x-forwarded-host", "evil.example"));
		assertThat(call(new ProxyHeadersMiddleware(this.app, TrustedHosts.of(List.of("10.0.0.1")), true, true), scope))
			.isSameAs(scope);
		AtomicReference<Scope> seen = new AtomicReference<>();
		LifespanScope lifespan = new LifespanScope(new HashMap<>());
		new ProxyHeadersMiddleware(recording(seen), List.of("*")).call(lifespan, null, null);
		assertThat(seen.get()).isSameAs(lifespan);
	}

	@Test
	void forwardedHostAndPortAreAppliedOnlyWhenEnabled() {
		Headers headers = Headers.of("host", "10.0.0.5:8000", "x-forwarded-host", "example.com",
				"x-forwarded-proto", "https", "x-forwarded-port", "8443");
		HttpScope plain = call(new ProxyHeadersMiddleware(this.app, List.of("127.0.0.1")), http(headers));
		assertThat(plain.headers().get("host")).isEqualTo("10.0.0.5:8000");
		HttpScope opted = call(new ProxyHeadersMiddleware(this.app, TrustedHosts.of(List.of("127.0.0.1")), true, false),
				http(headers));
		assertThat(opted.headers().getAll("host")).containsExactly("example.com");
		assertThat(opted.server()).isEqualTo(Address.of("example.com", 8443));
		HttpScope defaultPort = call(new ProxyHeadersMiddleware(this.app, TrustedHosts.of(List.of("127.0.0.1")), true, false),
				http(Headers.of("x-forwarded-host", "example.com", "x-forwarded-proto", "https")));
		assertThat(defaultPort.server()).isEqualTo(Address.of("example.com", 443));
		HttpScope invalid = call(new ProxyHeadersMiddleware(this.app, TrustedHosts.of(List.of("127.0.0.1")), true, false),
				http(Headers.of("x-forwarded-host", "a b/c")));
		assertThat(invalid.server()).isNull();
	}

	@Test
	void rfc7239ForwardedIsWalkedLikeForwardedForAndWinsWhenEnabled() {
		ProxyHeadersMiddleware middleware = new ProxyHeadersMiddleware(this.app,
				TrustedHosts.of(List.of("127.0.0.1", "10.0.0.0/8")), true, true);
		HttpScope seen = call(middleware, http(Headers.of("forwarded",
				"for=192.0.2.60;proto=https;host=example.com, for=10.1.2.3;proto=http", "x-forwarded-for", "9.9.9.9")));
		assertThat(seen.client()).isEqualTo(Address.of("192.0.2.60", 0));
		assertThat(seen.scheme()).isEqualTo("https");
		assertThat(seen.headers().get("host")).isEqualTo("example.com");
		HttpScope quoted = call(middleware, http(Headers.of("forwarded", "For=\"[2001:db8:cafe::17]:4711\"")));
		assertThat(quoted.client()).isEqualTo(Address.of("2001:db8:cafe::17", 4711));
		HttpScope hidden = call(middleware, http(Headers.of("forwarded", "for=_hidden;proto=https")));
		assertThat(hidden.client()).isEqualTo(PEER);
		assertThat(hidden.scheme()).isEqualTo("https");
		HttpScope off = call(new ProxyHeadersMiddleware(this.app, List.of("127.0.0.1")),
				http(Headers.of("forwarded", "for=192.0.2.60", "x-forwarded-for", "9.9.9.9")));
		assertThat(off.client()).isEqualTo(Address.of("9.9.9.9", 0));
	}

	private final AtomicReference<Scope> last = new AtomicReference<>();

	/** Records the scope it is called with. */
	private final AsgiApplication app = recording(this.last);

	private static AsgiApplication recording(AtomicReference<Scope> seen) {
		return (scope, receive, send) -> {
			seen.set(scope);
			return CompletableFuture.completedFuture(null);
		};
	}

	private HttpScope call(ProxyHeadersMiddleware middleware, HttpScope scope) {
		middleware.call(scope, null, null);
		return (HttpScope) this.last.get();
	}

	private static HttpScope http(Headers headers) {
		return new HttpScope("1.1", "GET", "http", "/", "/", "", "", headers, PEER, null, new HashMap<>(), Map.of());
	}
}
