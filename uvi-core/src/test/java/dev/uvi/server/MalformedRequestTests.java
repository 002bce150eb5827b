package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.HttpDisconnect;
import dev.uvi.asgi.HttpRequest;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.InboundMessage;
import dev.uvi.asgi.Receive;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.Refusals;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed request lines and framing (RFC 9112 §3, §6): each gets uvicorn's fixed 400, a closed
 * connection, and never reaches the application.
 */
class MalformedRequestTests {

	private static final String INVALID = "Invalid HTTP request received.";

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	private final AtomicInteger calls = new AtomicInteger();

	private final List<InboundMessage> disconnects = new CopyOnWriteArrayList<>();

	static Stream<Arguments> malformed() {
		return Stream.of(
				// uvicorn tests/protocols/test_http.py::test_invalid_http_request
				Arguments.of("method with a non-token character", "G?T / HTTP/1.1\r\nHost: x\r\n\r\n"),
				Arguments.of("space inside the target", "GET /?x=y z HTTP/1.1\r\nHost: x\r\n\r\n"),
				Arguments.of("version without a slash", "GET / HTTP1.1\r\nHost: x\r\n\r\n"),
				Arguments.of("HTTP/0.9 request line", "GET /\r\n\r\n"),
				Arguments.of("HTTP/1.2", "GET / HTTP/1.2\r\nHost: x\r\n\r\n"),
				Arguments.of("HTTP/2.0 in text", "GET / HTTP/2.0\r\nHost: x\r\n\r\n"),
				Arguments.of("HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
				Arguments.of("another protocol", "GET / FTP/1.1\r\nHost: x\r\n\r\n"),
				Arguments.of("trailing space in the request line", "GET / HTTP/1.1 \r\nHost: x\r\n\r\n"),
				Arguments.of("control character in the target", "GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n"),
				Arguments.of("non-ASCII target", "GET /caf\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n"),
				Arguments.of("target in no known form", "GET x HTTP/1.1\r\nHost: x\r\n\r\n"),
				Arguments.of("asterisk for GET", "GET * HTTP/1.1\r\nHost: x\r\n\r\n"),
				Arguments.of("bare LF line endings", "GET / HTTP/1.1\nHost: x\n\n"),
				Arguments.of("bare LF after the request line", "GET / HTTP/1.1\nHost: x\r\n\r\n"),
				Arguments.of("CL with TE", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
						+ "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
				Arguments.of("two different CLs", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
						+ "Content-Length: 6\r\n\r\nhello!"),
				Arguments.of("two equal CLs", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
						+ "Content-Length: 5\r\n\r\nhello"),
				Arguments.of("CL list", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 5\r\n\r\nhello"),
				Arguments.of("non-numeric CL", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"),
				Arguments.of("negative CL", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"),
				Arguments.of("signed CL", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello"),
				Arguments.of("TE gzip", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"),
				Arguments.of("TE chunked not last", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n"),
				Arguments.of("TE gzip then chunked", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"),
				Arguments.of("TE twice", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
						+ "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
				Arguments.of("TE in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
	}

	/** Valid heads whose chunked body is broken: the application is called, then sees a disconnect. */
	static Stream<Arguments> malformedBodies() {
		return Stream.of(Arguments.of("bad chunk size", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
						+ "zz\r\nhello\r\n0\r\n\r\n"),
				Arguments.of("no CRLF after chunk data", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
						+ "\r\n5\r\nhelloXX0\r\n\r\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformed")
	void malformedRequestGetsTheFixed400AndAClosedConnection(String description, String request) throws Exception {
		int port = this.fixture.start(countingApp());
		Refusals.assertRefused(port, request, 400, INVALID);
		assertThat(this.calls.get()).as("application calls before the valid request").isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedBodies")
	void malformedChunkedBodyGetsTheFixed400AndTheApplicationADisconnect(String description, String request)
			throws Exception {
		int port = this.fixture.start(countingApp());
		Refusals.assertRefused(port, request, 400, INVALID);
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !this.disconnects.isEmpty());
		assertThat(this.disconnects).singleElement().isInstanceOf(HttpDisconnect.class);
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_invalid_http
	void oneHundredThousandBytesOfNothingGet414AndNoHang() throws Exception {
		int port = this.fixture.start(countingApp());
		Refusals.assertRefused(port, "x".repeat(100_000), 414, "URI Too Long");
	}

	@Test
	void refusalCarriesTheDefaultHeaders() throws Exception {
		int port = this.fixture.start(countingApp());
		RawHttpClient.Response response = Refusals.assertRefused(port, "G?T / HTTP/1.1\r\n\r\n", 400, INVALID);
		assertThat(response.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
		assertThat(response.header("server")).isEqualTo("uvi");
		assertThat(response.header("date")).isNotNull();
	}

	@Test
	void malformedPipelinedRequestIsAnsweredAfterTheValidOneBeforeIt() throws Exception {
		int port = this.fixture.start(countingApp());
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\nHost: x\n\n");
			assertThat(client.readResponse().status()).isEqualTo(200);
			Refusals.assertRefusal(client, 400, INVALID);
		}
	}

	@Test
	void badChunkAfterTheApplicationStartedReadingClosesAndTheApplicationSeesDisconnect() throws Exception {
		int port = this.fixture.start(countingApp());
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
			client.send("zz\r\n");
			Refusals.assertRefusal(client, 400, INVALID);
		}
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !this.disconnects.isEmpty());
		assertThat(this.disconnects).singleElement().isInstanceOf(HttpDisconnect.class);
		Refusals.assertStillServing(port);
	}

	@Test
	void clientClosingBeforeTheAnnouncedBodyEndsLeavesTheApplicationADisconnect() throws Exception {
		int port = this.fixture.start(countingApp());
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly ten..");
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> this.calls.get() == 1);
		}
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !this.disconnects.isEmpty());
		assertThat(this.disconnects).singleElement().isInstanceOf(HttpDisconnect.class);
		Refusals.assertStillServing(port);
	}

	/** Counts HTTP calls; reads the whole body before answering, and notes a disconnect instead. */
	private AsgiApplication countingApp() {
		return (scope, receive, send) -> {
			if (!(scope instanceof HttpScope)) {
				return CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
			}
			this.calls.incrementAndGet();
			return drain(receive).thenCompose((complete) -> complete ? TestApps.sendText(send, 200, "ok")
					: CompletableFuture.<Void>completedFuture(null));
		};
	}

	private CompletionStage<Boolean> drain(Receive receive) {
		return receive.receive().thenCompose((message) -> {
			if (message instanceof HttpRequest chunk) {
				return chunk.moreBody() ? drain(receive) : CompletableFuture.completedFuture(true);
			}
			this.disconnects.add(message);
			return CompletableFuture.completedFuture(false);
		});
	}
}
