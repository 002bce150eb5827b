package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uvi.asgi.ConnectionScope;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.WebSocketAccept;
import dev.uvi.asgi.WebSocketScope;
import dev.uvi.server.UviServerListener.RequestObserver;
import dev.uvi.testing.LogCapture;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proxy trust over a real socket (the peer is 127.0.0.1), what the access log and the listener report
 * of a proxied request, and the response side: an application cannot split a response with the
 * headers it sends.
 */
class ProxyHeadersTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@RegisterExtension
	final LogCapture errors = new LogCapture("uvi.error");

	@RegisterExtension
	final LogCapture access = new LogCapture("uvi.access");

	private static final String PROXIED = "GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.7:4000\r\n"
			+ "X-Forwarded-Proto: https\r\n\r\n";

	@Test
	void serverAppliesProxyHeadersFromTheDefaultTrustedLoopback() throws Exception {
		int port = this.fixture.start(clientEcho());
		assertThat(get(port, PROXIED)).isEqualTo("https 203.0.113.7:4000");
	}

	@Test
	void untrustedPeerHeadersAreIgnored() throws Exception {
		int port = this.fixture.start(clientEcho(), (builder) -> builder
			.proxyHeaders(new ProxyHeadersConfig(true, List.of("10.0.0.0/8"), false, false)));
		assertThat(get(port, PROXIED)).startsWith("http 127.0.0.1:");
	}

	@Test
	void disabledProxyHeadersLeaveTheScopeAsConnected() throws Exception {
		int port = this.fixture.start(clientEcho(),
				(builder) -> builder.proxyHeaders(new ProxyHeadersConfig(false, List.of("*"), true, true)));
		assertThat(get(port, PROXIED)).startsWith("http 127.0.0.1:");
	}

	@Test
	// uvicorn's middleware rewrites the scope its access log reads: the line names the forwarded client
	void accessLogAndListenerNameTheForwardedClient() throws Exception {
		List<String> seenByListener = new CopyOnWriteArrayList<>();
		UviServerListener listener = new UviServerListener() {
			@Override
			public RequestObserver requestStarted(HttpScope scope) {
				seenByListener.add(scope.scheme() + " " + scope.client());
				return RequestObserver.NOOP;
			}
		};
		int port = this.fixture.start(clientEcho(),
				(builder) -> builder.accessLogFormat("%(h)s %(client_addr)s %(s)s").listener(listener));
		assertThat(get(port, PROXIED)).isEqualTo("https 203.0.113.7:4000");
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.access.messages().isEmpty());
		assertThat(this.access.messages()).containsExactly("203.0.113.7 203.0.113.7:4000 200");
		assertThat(seenByListener).containsExactly("https 203.0.113.7:4000");
	}

	@Test
	void webSocketAccessLineNamesTheForwardedClient() throws Exception {
		int port = this.fixture.start((scope, receive, send) -> (scope instanceof WebSocketScope)
				? receive.receive().thenCompose((connect) -> send.send(WebSocketAccept.of()))
				: CompletableFuture.failedFuture(new IllegalStateException("no lifespan")));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
					+ "X-Forwarded-For: 203.0.113.7:4000\r\n\r\n");
			byte[] status = client.input().readNBytes(12);
			assertThat(new String(status, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 101");
			await().atMost(Duration.ofSeconds(5)).until(() -> !this.access.messages().isEmpty());
		}
		assertThat(this.access.messages()).containsExactly("203.0.113.7:4000 - \"WebSocket /ws\" [accepted]");
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_response_header_splitting
	void applicationHeaderWithLineBreakIsRefusedLoggedAndTheConnectionClosed() throws Exception {
		int port = this.fixture.start((scope, receive, send) -> (scope instanceof HttpScope)
				? send.send(HttpResponseStart.of(200, Headers.of("x-a", "v\r\nSet-Cookie: smuggled=1")))
					.thenCompose((v) -> send.send(HttpResponseBody.end()))
					.exceptionally((ignored) -> null) // the application swallows the failure: the server still logs it
				: CompletableFuture.failedFuture(new IllegalStateException("no lifespan")));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			String all = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readUntilClosed();
			assertThat(all).doesNotContain("smuggled").doesNotContain("200");
		}
		assertThat(this.errors.messages())
			.contains("Response refused, connection closed: invalid header value from the application");
	}

	private static dev.uvi.asgi.AsgiApplication clientEcho() {
		return (scope, receive, send) -> (scope instanceof ConnectionScope connection)
				? TestApps.sendText(send, 200, connection.scheme() + " " + connection.client())
				: CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
	}

	private static String get(int port, String request) throws Exception {
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			return client.send(request).readResponse().bodyText();
		}
	}
}
