package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.HttpDisconnect;
import dev.uvi.asgi.HttpRequest;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.InboundMessage;
import dev.uvi.asgi.Receive;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpRequestBodyTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	/** Reads the whole body, then answers with its length and text. */
	static final AsgiApplication ECHO_LENGTH = (scope, receive, send) -> {
		if (!(scope instanceof HttpScope)) {
			return CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
		}
		return readAll(receive, new ByteArrayOutputStream())
			.thenCompose((body) -> TestApps.sendText(send, 200, body.size() + ":" + body));
	};

	static CompletionStage<ByteArrayOutputStream> readAll(Receive receive, ByteArrayOutputStream into) {
		return receive.receive().thenCompose((message) -> {
			if (message instanceof HttpRequest chunk) {
				into.writeBytes(chunk.body());
				return chunk.moreBody() ? readAll(receive, into) : CompletableFuture.completedFuture(into);
			}
			return CompletableFuture.failedFuture(new IllegalStateException("client left"));
		});
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_post_request
	void contentLengthBodyArrivesWhole() throws Exception {
		int port = this.fixture.start(ECHO_LENGTH);
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 18\r\n\r\n{\"hello\": \"world\"}");
			assertThat(client.readResponse().bodyText()).isEqualTo("18:{\"hello\": \"world\"}");
		}
	}

	@Test
	void chunkedBodyIsDecodedAndDelivered() throws Exception {
		int port = this.fixture.start(ECHO_LENGTH);
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
			client.send("6\r\n world\r\n0\r\n\r\n");
			assertThat(client.readResponse().bodyText()).isEqualTo("11:hello world");
			client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
			assertThat(client.readResponse().bodyText()).isEqualTo("0:");
		}
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_100_continue_sent_when_body_consumed
	void expectContinueIsAnsweredWhenTheApplicationReads() throws Exception {
		int port = this.fixture.start(ECHO_LENGTH);
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
			RawHttpClient.Response interim = client.readResponse();
			assertThat(interim.statusLine()).isEqualTo("HTTP/1.1 100 Continue");
			client.send("hello");
			assertThat(client.readResponse().bodyText()).isEqualTo("5:hello");
		}
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_100_continue_not_sent_when_body_not_consumed
	void expectContinueIsNotAnsweredWhenTheApplicationDoesNotRead() throws Exception {
		int port = this.fixture.start(TestApps.text("no read"));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
			RawHttpClient.Response response = client.readResponse();
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.bodyText()).isEqualTo("no read");
		}
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_early_disconnect
	void clientLeavingMidBodyGivesTheApplicationHttpDisconnect() throws Exception {
		List<InboundMessage> seen = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> sawDisconnect = new CompletableFuture<>();
		int port = this.fixture.start((scope, receive, send) -> {
			if (!(scope instanceof HttpScope)) {
				return CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
			}
			return receiveUntilDisconnect(receive, seen).thenRun(() -> sawDisconnect.complete(null));
		});
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly-part");
		}
		sawDisconnect.get(10, TimeUnit.SECONDS);
		assertThat(seen.get(seen.size() - 1)).isInstanceOf(HttpDisconnect.class);
		assertThat(seen).first().isInstanceOf(HttpRequest.class);
	}

	@Test
	// uvicorn tests/protocols/test_http.py::test_read_after_response
	void receiveAfterTheResponseIsHttpDisconnect() throws Exception {
		CompletableFuture<InboundMessage> afterResponse = new CompletableFuture<>();
		int port = this.fixture.start((scope, receive, send) -> {
			if (!(scope instanceof HttpScope)) {
				return CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
			}
			return TestApps.sendText(send, 200, "done")
				.thenCompose((v) -> receive.receive())
				.thenCompose((v) -> receive.receive())
				.thenAccept(afterResponse::complete);
		});
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
			assertThat(client.readResponse().bodyText()).isEqualTo("done");
		}
		assertThat(afterResponse.get(10, TimeUnit.SECONDS)).isInstanceOf(HttpDisconnect.class);
	}

	@Test
	void requestLineOfEightKibIsAccepted() throws Exception {
		int port = this.fixture.start((scope, receive, send) -> TestApps.sendText(send, 200,
				Integer.toString(((HttpScope) scope).queryString().length())));
		String query = "q=" + "a".repeat(8 * 1024 - 32);
		String requestLine = "GET /?" + query + " HTTP/1.1";
		assertThat(requestLine.length()).isLessThanOrEqualTo(8 * 1024);
		try (RawHttpClient client = RawHttpClient.connect(port, Duration.ofSeconds(10))) {
			RawHttpClient.Response response = client.send(requestLine + "\r\nHost: x\r\n\r\n").readResponse();
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.bodyText()).isEqualTo(Integer.toString(query.length()));
		}
	}

	private static CompletionStage<Void> receiveUntilDisconnect(Receive receive, List<InboundMessage> seen) {
		return receive.receive().thenCompose((message) -> {
			seen.add(message);
			return (message instanceof HttpDisconnect) ? CompletableFuture.completedFuture(null)
					: receiveUntilDisconnect(receive, seen);
		});
	}
}
