package dev.uvi.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uvi.sample.websocket.EchoSocket;
import dev.uvi.testing.LogCapture;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.WebSocketClient;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;

/** {@code WS /ws/echo}, {@code /ws/reject} and {@code /ws/deny} over real sockets, with the JDK's WebSocket client. */
@SampleAppTest
class WebSocketRoutesTests {

	private static final String HANDSHAKE = " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
			+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

	@RegisterExtension
	final LogCapture echoLog = new LogCapture(EchoSocket.class.getName());

	@Value("${local.uvi.port}")
	int port;

	@Test
	void echoSendsTextBackAsTextAndBinaryAsBinary() throws Exception {
		WebSocketClient client = WebSocketClient.open(this.port, "/ws/echo");
		client.socket().sendText("héllo", true).get(5, TimeUnit.SECONDS);
		assertThat(client.next()).isEqualTo("text:héllo");

		client.socket().sendBinary(ByteBuffer.wrap(new byte[1000]), true).get(5, TimeUnit.SECONDS);
		assertThat(client.next()).isEqualTo("bytes:1000");

		client.socket().sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
		assertThat(client.closeCode()).isEqualTo(WebSocket.NORMAL_CLOSURE);
	}

	@Test
	void echoChoosesEchoV1WhenOfferedAndNoSubprotocolOtherwise() throws Exception {
		WebSocketClient offered = WebSocketClient.open(this.port, "/ws/echo", "chat", "echo.v1");
		WebSocketClient other = WebSocketClient.open(this.port, "/ws/echo", "chat");
		WebSocketClient none = WebSocketClient.open(this.port, "/ws/echo");

		assertThat(offered.socket().getSubprotocol()).isEqualTo("echo.v1");
		assertThat(other.socket().getSubprotocol()).isEmpty();
		assertThat(none.socket().getSubprotocol()).isEmpty();
		for (WebSocketClient client : List.of(offered, other, none)) {
			client.socket().sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
		}
	}

	@Test
	void fragmentedMessagesAreEchoedWhole() throws Exception {
		WebSocketClient client = WebSocketClient.open(this.port, "/ws/echo");
		client.socket().sendText("frag", false).get(5, TimeUnit.SECONDS);
		client.socket().sendText("men", false).get(5, TimeUnit.SECONDS);
		client.socket().sendText("ted", true).get(5, TimeUnit.SECONDS);
		client.socket().sendBinary(ByteBuffer.wrap(new byte[300]), false).get(5, TimeUnit.SECONDS);
		client.socket().sendBinary(ByteBuffer.wrap(new byte[200]), true).get(5, TimeUnit.SECONDS);

		// one message each way: echoed fragment by fragment, the next event would be "text:frag"
		assertThat(client.next()).isEqualTo("text:fragmented");
		assertThat(client.next()).isEqualTo("bytes:500");
		client.socket().sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
	}

	@Test
	void theClientsCloseCodeAndReasonReachTheApplication() throws Exception {
		WebSocketClient client = WebSocketClient.open(this.port, "/ws/echo");
		client.socket().sendClose(4001, "bye now").get(5, TimeUnit.SECONDS);

		assertThat(client.closeCode()).isEqualTo(4001); // the server echoes the client's close
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.echoLog.messages().contains("Echo WebSocket closed: code 4001, reason 'bye now'"));
	}

	@Test
	void rejectAnswersTheHandshakeWith403() throws Exception {
		assertThat(handshakeFailure("/ws/reject").getResponse().statusCode()).isEqualTo(403);
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			RawHttpClient.Response response = client.send("GET /ws/reject" + HANDSHAKE).readResponse();

			assertThat(response.status()).isEqualTo(403);
			assertThat(response.header("upgrade")).isNull();
		}
	}

	@Test
	void denyAnswersTheHandshakeWith401AndTheBodyDenied() throws Exception {
		assertThat(handshakeFailure("/ws/deny").getResponse().statusCode()).isEqualTo(401);
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			RawHttpClient.Response response = client.send("GET /ws/deny" + HANDSHAKE).readResponse();

			assertThat(response.status()).isEqualTo(401);
			assertThat(response.header("content-type")).isEqualTo("text/plain");
			assertThat(response.bodyText()).isEqualTo("denied");
		}
	}

	@Test
	void handshakeOnAnUnroutedPathIsRefusedWith403() throws Exception {
		// starlette/routing.py Router.not_found: WebSocketClose() before accept
		assertThat(handshakeFailure("/ws/nope").getResponse().statusCode()).isEqualTo(403);
	}

	@Test
	void fiftyConcurrentConnectionsEachGetTheirOwnEchoes() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		List<WebSocketClient> clients = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			clients.add(WebSocketClient.open(http, this.port, "/ws/echo", "echo.v1"));
		}
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < clients.size(); i++) {
				clients.get(i).socket().sendText("client " + i + " round " + round, true);
			}
			for (int i = 0; i < clients.size(); i++) {
				assertThat(clients.get(i).next()).isEqualTo("text:client " + i + " round " + round);
			}
		}
		for (WebSocketClient client : clients) {
			client.socket().sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
			assertThat(client.closeCode()).isEqualTo(WebSocket.NORMAL_CLOSURE);
		}
	}

	private WebSocketHandshakeException handshakeFailure(String path) throws Exception {
		try {
			WebSocketClient.open(this.port, path).socket().abort();
		}
		catch (ExecutionException ex) {
			assertThat(ex.getCause()).isInstanceOf(WebSocketHandshakeException.class);
			return (WebSocketHandshakeException) ex.getCause();
		}
		throw new AssertionError("the handshake on " + path + " succeeded");
	}
}
