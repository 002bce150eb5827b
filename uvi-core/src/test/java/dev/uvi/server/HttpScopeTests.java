package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.HttpScope;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpScopeTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	private final CompletableFuture<HttpScope> seen = new CompletableFuture<>();

	private int startRecording(java.util.function.UnaryOperator<UviConfig.Builder> config) {
		return this.fixture.start((scope, receive, send) -> {
			if (!(scope instanceof HttpScope http)) {
				return CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
			}
			this.seen.complete(http);
			return TestApps.sendText(send, 200, "ok");
		}, config);
	}

	private HttpScope request(int port, String request) throws Exception {
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send(request).readResponse();
		}
		return this.seen.get(10, TimeUnit.SECONDS);
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_raw_path
	void pathIsDecodedAndRawPathIsAsSentBothUnderTheRootPath() throws Exception {
		int port = startRecording((b) -> b.rootPath("/app"));
		HttpScope scope = request(port, "GET /one%2Ftwo?x=1&y=%20 HTTP/1.1\r\nHost: example.org\r\n\r\n");
		assertThat(scope.path()).isEqualTo("/app/one/two");
		assertThat(scope.rawPath()).isEqualTo("/app/one%2Ftwo");
		assertThat(scope.rootPath()).isEqualTo("/app");
		assertThat(scope.queryString()).isEqualTo("x=1&y=%20");
	}

	@Test
	void scopeCarriesMethodVersionSchemeAddressesAndLowerCaseHeaders() throws Exception {
		int port = startRecording((b) -> b);
		HttpScope scope = request(port, "PUT /p HTTP/1.1\r\nHost: example.org\r\nX-Custom-Thing: Value A\r\n"
				+ "x-custom-thing: b\r\nContent-Length: 0\r\n\r\n");
		assertThat(scope.type()).isEqualTo("http");
		assertThat(scope.method()).isEqualTo("PUT");
		assertThat(scope.httpVersion()).isEqualTo("1.1");
		assertThat(scope.scheme()).isEqualTo("http");
		assertThat(scope.headers().getAll("x-custom-thing")).containsExactly("Value A", "b");
		assertThat(scope.headers().name(0)).isEqualTo("host");
		assertThat(scope.client().host()).isEqualTo("127.0.0.1");
		assertThat(scope.client().port()).isPositive();
		assertThat(scope.server().host()).isEqualTo("127.0.0.1");
		assertThat(scope.server().port()).isEqualTo(port);
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_http10_request
	void http10RequestIsServedAndReportedAsSuch() throws Exception {
		int port = startRecording((b) -> b);
		assertThat(request(port, "GET / HTTP/1.0\r\nHost: x\r\n\r\n").httpVersion()).isEqualTo("1.0");
	}

	@Test
	void absoluteFormTargetIsServedAsItsPath() throws Exception {
		int port = startRecording((b) -> b);
		HttpScope scope = request(port, "GET http://example.org/abs?q=1 HTTP/1.1\r\nHost: example.org\r\n\r\n");
		assertThat(scope.path()).isEqualTo("/abs");
		assertThat(scope.queryString()).isEqualTo("q=1");
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_keepalive_timeout
	void idleKeepAliveConnectionIsClosedAfterTheTimeout() throws Exception {
		int port = startRecording((b) -> b.timeoutKeepAlive(Duration.ofMillis(300)));
		try (RawHttpClient client = RawHttpClient.connect(port, Duration.ofSeconds(10))) {
			assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(200);
			long before = System.nanoTime();
			assertThat(client.isClosedByServer()).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
		}
	}

	@Test
	void configuredHeadersFollowTheDefaultsAndAConfiguredServerReplacesUvis() throws Exception {
		int port = startRecording((b) -> b.headers(dev.uvi.asgi.Headers.of("Server", "edge", "X-Frame-Options", "DENY")));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			RawHttpClient.Response response = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			assertThat(response.headerNames()).startsWith("date", "server", "x-frame-options", "content-type");
			assertThat(response.header("server")).isEqualTo("edge");
		}
	}

	@Test
	void serverAndDateHeadersCanBeTurnedOff() throws Exception {
		int port = startRecording((b) -> b.serverHeader(false).dateHeader(false));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			RawHttpClient.Response response = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			assertThat(response.headerNames()).doesNotContain("server", "date");
		}
	}
}
