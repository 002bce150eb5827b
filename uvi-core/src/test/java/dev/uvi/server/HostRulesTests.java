package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.Refusals;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9112 §3.2: an HTTP/1.1 request carries exactly one valid {@code Host}; uvicorn's h11 agrees. */
class HostRulesTests {

	private static final String INVALID = "Invalid HTTP request received.";

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "GET / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
			"GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", "GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n",
			"GET / HTTP/1.1\r\nHost: a b\r\n\r\n", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n",
			"GET / HTTP/1.1\r\nHost: a@b\r\n\r\n", "GET / HTTP/1.1\r\nHost: a:b\r\n\r\n",
			"GET / HTTP/1.1\r\nHost: a:123456\r\n\r\n", "GET / HTTP/1.1\r\nHost: [::1\r\n\r\n",
			"GET / HTTP/1.1\r\nHost: [::1]x\r\n\r\n", "GET / HTTP/1.1\r\nHost: [zz::1]\r\n\r\n",
			"GET / HTTP/1.1\r\nHost: a:\r\n\r\n", "GET / HTTP/1.1\r\nHost: a:65536\r\n\r\n",
			"GET / HTTP/1.1\r\nHost: [::1]:\r\n\r\n" })
	void missingRepeatedOrInvalidHostGetsTheFixed400(String request) throws Exception {
		int port = this.fixture.start(TestApps.text("ok"));
		Refusals.assertRefused(port, request, 400, INVALID);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n",
			"GET / HTTP/1.1\r\nHost: example.com:8080\r\n\r\n", "GET / HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n",
			"GET / HTTP/1.1\r\nHost: [::1]:8000\r\n\r\n", "GET / HTTP/1.1\r\nHost: [2001:db8::1]\r\n\r\n",
			"GET / HTTP/1.1\r\nHost: xn--bcher-kva.example\r\n\r\n", "GET / HTTP/1.1\r\nHost:\r\n\r\n",
			"GET / HTTP/1.0\r\n\r\n", "GET http://example.com/abs HTTP/1.1\r\nHost: example.com\r\n\r\n",
			"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n" })
	void validHostIsServed(String request) throws Exception {
		int port = this.fixture.start(TestApps.text("ok"));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send(request);
			assertThat(client.readResponse().status()).isEqualTo(200);
		}
	}
}
