package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.uvi.asgi.Headers;
import dev.uvi.asgi.InboundMessage;
import dev.uvi.asgi.WebSocketAccept;
import dev.uvi.asgi.WebSocketClose;
import dev.uvi.asgi.WebSocketDisconnect;
import dev.uvi.asgi.WebSocketResponseBody;
import dev.uvi.asgi.WebSocketResponseStart;
import dev.uvi.asgi.WebSocketScope;
import dev.uvi.testing.LogCapture;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.WebSocketApps;
import dev.uvi.testing.WebSocketClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// uvicorn tests/protocols/test_websocket.py
class WebSocketTests {

	private static final String UPGRADE = "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
			+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@RegisterExtension
	final LogCapture access = new LogCapture("uvi.access");

	private final CompletableFuture<WebSocketDisconnect> disconnect = new CompletableFuture<>();

	@Test
	void textOfEveryUtf8LengthIsEchoedIntactEvenSplitAcrossFragments() throws Exception {
		int port = this.fixture.start(WebSocketApps.echo(this.disconnect));
		WebSocketClient client = WebSocketClient.open(port, "/ws");
		String text = "a\u00e9\u20ac\ud834\udd1e"; // one, two, three and four bytes in UTF-8
		client.socket().sendText(text, true).get(5, TimeUnit.SECONDS);
		assertThat(client.next()).isEqualTo("text:" + text);
		client.socket().sendText("\u20ac", false); // each fragment whole characters: the client encodes per frame
		client.socket().sendText("\ud834\udd1e", true).get(5, TimeUnit.SECONDS);
		assertThat(client.next()).isEqualTo("text:\u20ac\ud834\udd1e");
	}

	@Test
	void textAndBinaryMessagesAreEchoedWithTheChosenSubprotocol() throws Exception {
		int port = this.fixture.start(WebSocketApps.echo(this.disconnect));
		WebSocketClient client = WebSocketClient.open(port, "/ws", "chat.v0", "echo.v1");
		assertThat(client.socket().getSubprotocol()).isEqualTo("echo.v1");
		client.socket().sendText("hello", true).get(5, TimeUnit.SECONDS);
		assertThat(client.next()).isEqualTo("text:hello");
		client.socket().sendBinary(ByteBuffer.wrap(new byte[1000]), true).get(5, TimeUnit.SECONDS);
		assertThat(client.next()).isEqualTo("bytes:1000");
		client.socket().sendText("frag", false);
		client.socket().sendText("mented", true).get(5, TimeUnit.SECONDS);
		assertThat(client.next()).isEqualTo("text:fragmented");
		// uvicorn tests/protocols/test_websocket.py::test_client_close
		client.socket().sendClose(1001, "custom reason").get(5, TimeUnit.SECONDS);
		assertThat(this.disconnect.get(10, TimeUnit.SECONDS)).isEqualTo(new WebSocketDisconnect(1001, "custom reason"));
		assertThat(this.access.messages()).anySatisfy((line) -> assertThat(line).endsWith("\"WebSocket /ws\" [accepted]"));
	}

	@Test
	void scopeCarriesTheWebSocketFields() throws Exception {
		CompletableFuture<WebSocketScope> seen = new CompletableFuture<>();
		int port = this.fixture.start((scope, receive, send) -> {
			if (scope instanceof WebSocketScope ws) {
				seen.complete(ws);
			}
			return receive.receive().thenCompose((m) -> send.send(WebSocketAccept.of()));
		});
		WebSocketClient.open(port, "/one%2Ftwo?x=1", "a", "b");
		WebSocketScope scope = seen.get(5, TimeUnit.SECONDS);
		assertThat(scope.type()).isEqualTo("websocket");
		assertThat(scope.scheme()).isEqualTo("ws");
		assertThat(scope.path()).isEqualTo("/one/two");
		assertThat(scope.rawPath()).isEqualTo("/one%2Ftwo");
		assertThat(scope.queryString()).isEqualTo("x=1");
		assertThat(scope.subprotocols()).containsExactly("a", "b");
		assertThat(scope.extensions()).containsKey("websocket.http.response");
	}

	@Test
	// uvicorn tests/protocols/test_websocket.py::test_server_reject_connection
	void closeBeforeAcceptAnswersTheHandshakeWith403() throws Exception {
		CompletableFuture<InboundMessage> afterRefusal = new CompletableFuture<>();
		int port = this.fixture.start((scope, receive, send) -> receive.receive()
			.thenCompose((m) -> send.send(WebSocketClose.of()))
			.thenCompose((v) -> receive.receive())
			.thenAccept(afterRefusal::complete));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			RawHttpClient.Response response = client.send(UPGRADE).readResponse();
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.header("server")).isEqualTo("uvi");
		}
		assertThat(afterRefusal.get(5, TimeUnit.SECONDS)).isEqualTo(new WebSocketDisconnect(1006, ""));
		assertThat(this.access.messages()).anySatisfy((line) -> assertThat(line).endsWith("\"WebSocket /ws\" 403"));
	}

	@Test
	// uvicorn tests/protocols/test_websocket.py::test_server_reject_connection_with_response
	void denialResponseIsSentAsPlainHttp() throws Exception {
		int port = this.fixture.start((scope, receive, send) -> receive.receive()
			.thenCompose((m) -> send.send(new WebSocketResponseStart(401, Headers.of("content-type", "text/plain"))))
			.thenCompose((v) -> send.send(new WebSocketResponseBody("den".getBytes(StandardCharsets.UTF_8), true)))
			.thenCompose((v) -> send.send(new WebSocketResponseBody("ied".getBytes(StandardCharsets.UTF_8), false))));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			RawHttpClient.Response response = client.send(UPGRADE).readResponse();
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.bodyText()).isEqualTo("denied");
		}
	}

	@Test
	// uvicorn tests/protocols/test_websocket.py::test_missing_handshake
	void errorBeforeAcceptAnswersTheHandshakeWith500() throws Exception {
		int port = this.fixture.start((scope, receive, send) -> CompletableFuture.failedFuture(new RuntimeException("x")));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			RawHttpClient.Response response = client.send(UPGRADE).readResponse();
			assertThat(response.status()).isEqualTo(500);
			assertThat(response.bodyText()).isEqualTo("Internal Server Error");
		}
	}

	@Test
	void errorAfterAcceptClosesWith1011AndReturningClosesWith1000() throws Exception {
		int port = this.fixture.start((scope, receive, send) -> receive.receive()
			.thenCompose((m) -> send.send(WebSocketAccept.of()))
			.thenCompose((v) -> ((WebSocketScope) scope).path().equals("/fail")
					? CompletableFuture.failedFuture(new RuntimeException("after accept"))
					: CompletableFuture.completedFuture(null)));
		assertThat(WebSocketClient.open(port, "/fail").closeCode()).isEqualTo(1011);
		assertThat(WebSocketClient.open(port, "/return").closeCode()).isEqualTo(1000);
	}

	@Test
	// uvicorn tests/protocols/test_websocket.py::test_app_close
	void applicationCloseReachesTheClientWithCodeAndReason() throws Exception {
		CompletableFuture<InboundMessage> afterClose = new CompletableFuture<>();
		int port = this.fixture.start((scope, receive, send) -> receive.receive()
			.thenCompose((m) -> send.send(WebSocketAccept.of()))
			.thenCompose((v) -> send.send(new WebSocketClose(4001, "bye")))
			.thenCompose((v) -> receive.receive())
			.thenAccept(afterClose::complete));
		WebSocketClient client = WebSocketClient.open(port, "/ws");
		assertThat(client.next()).isEqualTo("close:4001:bye");
		assertThat(afterClose.get(5, TimeUnit.SECONDS)).isEqualTo(new WebSocketDisconnect(4001, "bye"));
	}

	@Test
	// uvicorn tests/protocols/test_websocket.py::test_send_binary_data_to_server_bigger_than_default_on_websockets
	void messageOverTheMaximumSizeClosesWith1009() throws Exception {
		int port = this.fixture.start(WebSocketApps.echo(this.disconnect),
				(b) -> b.ws(WebSocketConfig.defaults().withMaxSize(1024)));
		WebSocketClient client = WebSocketClient.open(port, "/ws");
		client.socket().sendText("x".repeat(1024), true);
		assertThat(client.next()).isEqualTo("text:" + "x".repeat(1024));
		client.socket().sendText("y".repeat(1025), true);
		assertThat(client.closeCode()).isEqualTo(1009);
	}

	@Test
	// uvicorn tests/protocols/test_websocket.py::test_fragmented_message_exceeding_max_size
	void fragmentedMessageOverTheMaximumSizeClosesWith1009() throws Exception {
		int port = this.fixture.start(WebSocketApps.echo(this.disconnect),
				(b) -> b.ws(WebSocketConfig.defaults().withMaxSize(2048)));
		WebSocketClient client = WebSocketClient.open(port, "/ws");
		for (int i = 0; i < 8; i++) {
			client.socket().sendBinary(ByteBuffer.wrap(new byte[512]), i == 7).get(5, TimeUnit.SECONDS);
		}
		assertThat(client.closeCode()).isEqualTo(1009);
	}

	@Test
	// uvicorn tests/protocols/test_websocket.py::test_send_close_on_server_shutdown
	void shutdownClosesOpenWebSocketsWith1012() throws Exception {
		int port = this.fixture.start(WebSocketApps.echo(this.disconnect));
		WebSocketClient client = WebSocketClient.open(port, "/ws");
		this.fixture.server().shutdown(Duration.ofSeconds(5));
		assertThat(client.closeCode()).isEqualTo(1012);
		assertThat(this.disconnect.get(5, TimeUnit.SECONDS).code()).isEqualTo(1012);
	}

	@Test
	void unansweredPingsCloseWith1011() throws Exception {
		int port = this.fixture.start(WebSocketApps.echo(this.disconnect),
				(b) -> b.ws(WebSocketConfig.defaults().withPing(Duration.ofMillis(100), Duration.ofMillis(200))));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			assertThat(client.send(UPGRADE).readHeadResponse().status()).isEqualTo(101);
			// a raw socket never answers pings: the server gives up with 1011
			assertThat(this.disconnect.get(10, TimeUnit.SECONDS).code()).isEqualTo(1011);
		}
	}

	@Test
	void permessageDeflateIsNegotiatedUnlessTurnedOff() throws Exception {
		String offer = UPGRADE.replace("\r\n\r\n", "\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n");
		int port = this.fixture.start(WebSocketApps.echo(this.disconnect));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			RawHttpClient.Response response = client.send(offer).readHeadResponse();
			assertThat(response.status()).isEqualTo(101);
			assertThat(response.header("sec-websocket-extensions")).startsWith("permessage-deflate");
		}
		this.fixture.server().shutdown(Duration.ofSeconds(5));
		int without = this.fixture.start(WebSocketApps.echo(new CompletableFuture<>()), (b) -> b.ws(new WebSocketConfig(true,
				16 * 1024 * 1024, 32, Duration.ofSeconds(20), Duration.ofSeconds(20), false)));
		try (RawHttpClient client = RawHttpClient.connect(without)) {
			RawHttpClient.Response response = client.send(offer).readHeadResponse();
			assertThat(response.status()).isEqualTo(101);
			assertThat(response.header("sec-websocket-extensions")).isNull();
		}
	}

	@Test
	void handshakeWithoutKeyIs400AndAnotherVersionIs426() throws Exception {
		int port = this.fixture.start(WebSocketApps.echo(this.disconnect));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			assertThat(client.send(UPGRADE.replace("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n", ""))
				.readResponse().status()).isEqualTo(400);
		}
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			RawHttpClient.Response response = client.send(UPGRADE.replace("Version: 13", "Version: 11")).readResponse();
			assertThat(response.status()).isEqualTo(426);
			assertThat(response.header("sec-websocket-version")).isEqualTo("13");
		}
	}

	@Test
	void disabledWebSocketsServeUpgradeRequestsAsPlainHttp() throws Exception {
		int port = this.fixture.start((scope, receive, send) -> dev.uvi.testing.TestApps.sendText(send, 200, scope.type()),
				(b) -> b.ws(WebSocketConfig.defaults().withEnabled(false)));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			assertThat(client.send(UPGRADE).readResponse().bodyText()).isEqualTo("http");
		}
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> java.net.http.HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(java.net.URI.create("ws://127.0.0.1:" + port + "/ws"), new java.net.http.WebSocket.Listener() {
			})
			.get(5, TimeUnit.SECONDS));
	}
}
