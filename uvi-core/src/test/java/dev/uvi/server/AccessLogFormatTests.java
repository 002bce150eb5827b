package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.http.RequestBodies;
import dev.uvi.http.Responses;
import dev.uvi.testing.LogCapture;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessLogFormatTests {

	private static final String REQUEST = "POST /p%20q?x=1 HTTP/1.1\r\nHost: x\r\nUser-Agent: ua/1\r\n"
			+ "Referer: http://r/\r\nX-In: in\r\nContent-Length: 3\r\n\r\nabc";

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@RegisterExtension
	final LogCapture access = new LogCapture("uvi.access");

	/** Reads the body, waits 30 ms, then answers 201 with five bytes and a response header. */
	private static final AsgiApplication SLOW_CREATED = (scope, receive, send) -> RequestBodies.readAll(receive, 1024)
		.thenCompose((body) -> CompletableFuture.runAsync(() -> {
		}, CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS)))
		.thenCompose((v) -> Responses.complete(send, 201, Headers.of("x-out", "yes"), "hello".getBytes()));

	@ParameterizedTest(name = "%({0})s")
	@CsvSource(delimiter = '~', textBlock = """
			h              ~ 127\\.0\\.0\\.1
			l              ~ -
			u              ~ -
			t              ~ \\[\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}\\]
			r              ~ POST /p%20q\\?x=1 HTTP/1\\.1
			request_line   ~ POST /p%20q\\?x=1 HTTP/1\\.1
			m              ~ POST
			U              ~ /p%20q
			q              ~ x=1
			H              ~ HTTP/1\\.1
			s              ~ 201
			status_code    ~ 201 Created
			B              ~ 5
			b              ~ 5
			f              ~ http://r/
			a              ~ ua/1
			T              ~ 0
			D              ~ \\d{5,}
			M              ~ ([3-9]\\d|\\d{3,})
			L              ~ 0\\.0[3-9]\\d{4}|0\\.[1-9]\\d{5}|[1-9]\\d*\\.\\d{6}
			p              ~ <\\d+>
			{x-in}i        ~ in
			{X-IN}i        ~ in
			{x-missing}i   ~ -
			{x-out}o       ~ yes
			client_addr    ~ 127\\.0\\.0\\.1:\\d+
			""")
	void eachAtomIsReplacedByItsValue(String atom, String expected) throws Exception {
		String line = logOne(SLOW_CREATED, "[%(" + atom + ")s]", REQUEST);
		assertThat(line).matches("\\[(" + expected + ")\\]");
	}

	@Test
	void literalTextAndEscapedPercentStayAsWritten() throws Exception {
		assertThat(logOne(TestApps.text("x"), "100%% %(m)s done", "GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
			.isEqualTo("100% GET done");
	}

	@Test
	void smallBWritesADashForAnEmptyBody() throws Exception {
		AsgiApplication empty = (scope, receive, send) -> Responses.complete(send, 204, Headers.empty(), new byte[0]);
		assertThat(logOne(empty, "%(b)s %(B)s", "GET / HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo("- 0");
	}

	@Test
	void lineIsLoggedWhenTheResponseCompletesWithItsBytes() throws Exception {
		CompletableFuture<Void> release = new CompletableFuture<>();
		AsgiApplication streaming = (scope, receive, send) -> send
			.send(HttpResponseStart.of(200, Headers.of("content-type", "text/plain")))
			.thenCompose((v) -> send.send(HttpResponseBody.chunk("abc".getBytes())))
			.thenCompose((v) -> release)
			.thenCompose((v) -> send.send(new HttpResponseBody("de".getBytes(), false)));
		int port = this.fixture.start(streaming, (b) -> b.accessLogFormat("%(s)s %(B)s"));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
			byte[] head = client.input().readNBytes(12);
			assertThat(new String(head, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200");
			assertThat(this.access.messages()).as("nothing logged while the body streams").isEmpty();
			release.complete(null);
			await().atMost(Duration.ofSeconds(5)).until(() -> !this.access.messages().isEmpty());
		}
		assertThat(this.access.messages()).containsExactly("200 5");
	}

	@Test
	void fieldsGoAlongAsKeyValuesForStructuredLogging() throws Exception {
		int port = this.fixture.start(SLOW_CREATED);
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send(REQUEST).readResponse();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.access.events().isEmpty());
		ILoggingEvent event = this.access.events().get(0);
		Map<String, Object> fields = event.getKeyValuePairs().stream()
			.collect(Collectors.toMap((pair) -> pair.key, (pair) -> pair.value));
		assertThat(fields).containsEntry("method", "POST").containsEntry("path", "/p%20q").containsEntry("query", "x=1")
			.containsEntry("status", 201).containsEntry("bytes", 5L).containsEntry("request_bytes", 3L)
			.containsEntry("http_version", "1.1");
		assertThat((String) fields.get("client")).startsWith("127.0.0.1:");
		assertThat((Double) fields.get("duration_ms")).isGreaterThanOrEqualTo(30.0);
	}

	@Test
	void excludedPathsAreNotLogged() throws Exception {
		int port = this.fixture.start(TestApps.text("x"),
				(b) -> b.accessLogFormat("%(U)s").accessLogExclude(java.util.List.of("/health/*", "/static/**")));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			for (String path : new String[] { "/health/live", "/health/a/b", "/healthz", "/static/css/a.css", "/" }) {
				client.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			}
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.access.messages().size() >= 3);
		assertThat(this.access.messages()).containsExactly("/health/a/b", "/healthz", "/");
	}

	@Test
	void unknownAtomFailsNamingThePropertyAndTheAtom() {
		assertThatIllegalArgumentException().isThrownBy(() -> UviConfig.builder().accessLogFormat("%(h)s %(Z)s"))
			.withMessageStartingWith("access-log-format: '%(Z)s' (expected: an atom of h, l, u, t, r,");
	}

	@Test
	void unterminatedAtomFailsSayingTheExpectedForm() {
		assertThatIllegalArgumentException().isThrownBy(() -> UviConfig.builder().accessLogFormat("%(h) - x"))
			.withMessage("access-log-format: '%(h) - x' (expected: an atom of the form %(name)s)");
	}

	private String logOne(AsgiApplication app, String format, String request) throws Exception {
		int port = this.fixture.start(app, (b) -> b.accessLogFormat(format));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send(request).readResponse();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.access.messages().isEmpty());
		assertThat(this.access.messages()).hasSize(1);
		return this.access.messages().get(0);
	}
}
