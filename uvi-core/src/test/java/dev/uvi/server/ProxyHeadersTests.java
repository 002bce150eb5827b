package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.ConnectionScope;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.HttpScope;
import dev.uvi.testing.LogCapture;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proxy trust over a real socket (the peer is 127.0.0.1), and the response side: an application
 * cannot split a response with the headers it sends.
 */
class ProxyHeadersTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@RegisterExtension
	final LogCapture errors = new LogCapture("uvi.error");

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
