package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.HttpScope;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.Refusals;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Header lines (RFC 9112 §5): anything but {@code name: value} with CRLF gets the fixed 400. */
class HeaderRulesTests {

	private static final String INVALID = "Invalid HTTP request received.";

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	static Stream<Arguments> malformedHeaders() {
		return Stream.of(Arguments.of("line without a colon", "GET / HTTP/1.1\r\nHost: x\r\nFoo\r\n\r\n"),
				Arguments.of("whitespace before the colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n"),
				Arguments.of("tab before the colon", "GET / HTTP/1.1\r\nHost: x\r\nX-A\t: 1\r\n\r\n"),
				Arguments.of("whitespace before the first header", "GET / HTTP/1.1\r\n Host: x\r\n\r\n"),
				Arguments.of("obs-fold continuation", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n"),
				Arguments.of("obs-fold with a tab", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n\tb\r\n\r\n"),
				Arguments.of("bare LF between headers", "GET / HTTP/1.1\r\nHost: x\nX-A: 1\r\n\r\n"),
				Arguments.of("bare LF ending the head", "GET / HTTP/1.1\r\nHost: x\r\n\n"),
				Arguments.of("NUL in a value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n"),
				Arguments.of("CR in a value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n"),
				Arguments.of("DEL in a value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u007fb\r\n\r\n"),
				Arguments.of("empty name", "GET / HTTP/1.1\r\nHost: x\r\n: x\r\n\r\n"),
				Arguments.of("separator in a name", "GET / HTTP/1.1\r\nHost: x\r\nX(A): 1\r\n\r\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedHeaders")
	void malformedHeaderLineGetsTheFixed400(String description, String request) throws Exception {
		int port = this.fixture.start(TestApps.text("ok"));
		Refusals.assertRefused(port, request, 400, INVALID);
	}

	@Test
	void obsFoldSplitAcrossTwoReadsIsStillFound() throws Exception {
		int port = this.fixture.start(TestApps.text("ok"));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n");
			client.send(" b\r\n\r\n");
			Refusals.assertRefusal(client, 400, INVALID);
		}
	}

	@Test
	void obsFoldInAPipelinedHeadAfterABodyIsFound() throws Exception {
		int port = this.fixture.start(HttpRequestBodyTests.ECHO_LENGTH);
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\n\r\na\r\n b\r\n"
					+ "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n");
			assertThat(client.readResponse().bodyText()).isEqualTo("7:a\r\n b\r\n");
			Refusals.assertRefusal(client, 400, INVALID);
		}
	}

	@Test
	void bodiesMayContainWhatWouldBeAFoldInAHead() throws Exception {
		int port = this.fixture.start(HttpRequestBodyTests.ECHO_LENGTH);
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ "8\r\n{\n  \"a\":\r\n3\r\n 1}\r\n0\r\n\r\n");
			assertThat(client.readResponse().bodyText()).isEqualTo("11:{\n  \"a\": 1}");
			client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n\n \n ");
			assertThat(client.readResponse().bodyText()).isEqualTo("4:\n \n ");
		}
	}

	@Test
	void latin1ValuesAndTabsArriveAsSent() throws Exception {
		AtomicReference<HttpScope> seen = new AtomicReference<>();
		int port = this.fixture.start((scope, receive, send) -> {
			if (!(scope instanceof HttpScope http)) {
				return CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
			}
			seen.set(http);
			return TestApps.sendText(send, 200, "ok");
		});
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("GET / HTTP/1.1\r\nHost: x\r\nX-A: caf\u00e9\tau lait\r\n\r\n");
			assertThat(client.readResponse().status()).isEqualTo(200);
		}
		assertThat(seen.get().headers().get("x-a")).isEqualTo("caf\u00e9\tau lait");
	}
}
