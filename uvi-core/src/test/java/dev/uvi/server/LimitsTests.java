package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.HttpDisconnect;
import dev.uvi.asgi.HttpRequest;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.InboundMessage;
import dev.uvi.asgi.Receive;
import dev.uvi.testing.LogCapture;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.Refusals;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operational limits: each answers with its fixed response and closes, and the server keeps serving. */
class LimitsTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@RegisterExtension
	final LogCapture errors = new LogCapture("uvi.error");

	private final List<InboundMessage> disconnects = new CopyOnWriteArrayList<>();

	@Test
	void requestLineOverTheLimitGets414() throws Exception {
		int port = this.fixture.start(TestApps.text("ok"), (builder) -> builder.maxRequestLineSize(1024));
		Refusals.assertRefused(port, "GET /" + "a".repeat(1100) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414, "URI Too Long");
	}

	@Test
	void headerBlockOverTheLimitGets431() throws Exception {
		int port = this.fixture.start(TestApps.text("ok"), (builder) -> builder.maxHeaderSize(1024));
		Refusals.assertRefused(port, "GET / HTTP/1.1\r\nHost: x\r\nX-A: " + "a".repeat(600) + "\r\nX-B: "
				+ "b".repeat(600) + "\r\n\r\n", 431, "Request Header Fields Too Large");
	}

	@Test
	void contentLengthOverTheBodyLimitGets413BeforeTheBodyIsSent() throws Exception {
		int port = this.fixture.start(readingApp(), (builder) -> builder.maxRequestBodySize(10));
		Refusals.assertRefused(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n", 413,
				"Content Too Large");
		assertThat(this.disconnects).isEmpty(); // the application was never called
	}

	@Test
	void bodyWithinTheLimitIsServed() throws Exception {
		int port = this.fixture.start(readingApp(), (builder) -> builder.maxRequestBodySize(10));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n");
			assertThat(client.readResponse().bodyText()).isEqualTo("10");
		}
	}

	@Test
	void chunkedBodyCrossingTheLimitGets413AndTheApplicationADisconnect() throws Exception {
		int port = this.fixture.start(readingApp(), (builder) -> builder.maxRequestBodySize(10));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n");
			client.send("8\r\n12345678\r\n");
			Refusals.assertRefusal(client, 413, "Content Too Large");
		}
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !this.disconnects.isEmpty());
		assertThat(this.disconnects).singleElement().isInstanceOf(HttpDisconnect.class);
		Refusals.assertStillServing(port);
	}

	@Test
	void connectionThatSendsNothingGets408AtTheHeaderTimeout() throws Exception {
		int port = this.fixture.start(TestApps.text("ok"),
				(builder) -> builder.timeoutRequestHeader(Duration.ofMillis(300)));
		try (RawHttpClient client = RawHttpClient.connect(port, Duration.ofSeconds(5))) {
			Refusals.assertRefusal(client, 408, "Request Timeout");
		}
		Refusals.assertStillServing(port);
	}

	@Test
	void slowlorisTricklingItsHeadGets408AtTheHeaderTimeout() throws Exception {
		int port = this.fixture.start(TestApps.text("ok"),
				(builder) -> builder.timeoutRequestHeader(Duration.ofMillis(500)));
		byte[] head = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: abcdefghijklmnopqrstuvwxyz0123456789\r\n\r\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		try (RawHttpClient client = RawHttpClient.connect(port, Duration.ofSeconds(5))) {
			long started = System.nanoTime();
			// a byte every 40 ms: the whole head would take 3 s; the answer must come at the timeout
			for (int i = 0; i < head.length && client.input().available() == 0; i++) {
				client.send(new byte[] { head[i] });
				Thread.sleep(40);
			}
			Refusals.assertRefusal(client, 408, "Request Timeout");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
		}
		Refusals.assertStillServing(port);
	}

	@Test
	void idleKeepAliveConnectionIsLeftToTheKeepAliveTimeoutNotAnswered408() throws Exception {
		int port = this.fixture.start(TestApps.text("ok"),
				(builder) -> builder.timeoutRequestHeader(Duration.ofMillis(200)).timeoutKeepAlive(Duration.ofSeconds(5)));
		try (RawHttpClient client = RawHttpClient.connect(port, Duration.ofMillis(800))) {
			client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
			assertThat(client.readResponse().status()).isEqualTo(200);
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> client.input().read());
			client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
			assertThat(client.readResponse().status()).isEqualTo(200);
		}
	}

	@Test
	// uvicorn tests/test_main.py limit-concurrency: the exact 503 and the warning
	void requestBeyondTheConcurrencyLimitGetsUvicorns503() throws Exception {
		int port = this.fixture.start(TestApps.text("ok"), (builder) -> builder.limitConcurrency(1));
		try (RawHttpClient first = RawHttpClient.connect(port)) {
			first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
			assertThat(first.readResponse().status()).isEqualTo(200); // its idle connection still counts
			try (RawHttpClient second = RawHttpClient.connect(port)) {
				second.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
				Refusals.assertRefusal(second, 503, "Service Unavailable");
			}
		}
		assertThat(this.errors.messages()).contains("Exceeded concurrency limit.");
		Awaitility.await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
			.untilAsserted(() -> Refusals.assertStillServing(port));
	}

	/** Reads the whole body and answers with its length; a disconnect is noted. */
	private AsgiApplication readingApp() {
		return (scope, receive, send) -> {
			if (!(scope instanceof HttpScope)) {
				return CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
			}
			return count(receive, 0).thenCompose((length) -> (length >= 0)
					? TestApps.sendText(send, 200, Long.toString(length)) : CompletableFuture.<Void>completedFuture(null));
		};
	}

	private CompletionStage<Long> count(Receive receive, long sofar) {
		return receive.receive().thenCompose((message) -> {
			if (message instanceof HttpRequest chunk) {
				long total = sofar + chunk.body().length;
				return chunk.moreBody() ? count(receive, total) : CompletableFuture.completedFuture(total);
			}
			this.disconnects.add(message);
			return CompletableFuture.completedFuture(-1L);
		});
	}
}
