package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.HttpScope;
import dev.uvi.http.RequestBodies;
import dev.uvi.http.Responses;
import dev.uvi.routing.MatchedRoute;
import dev.uvi.routing.Router;
import dev.uvi.server.UviServerListener.Direction;
import dev.uvi.server.UviServerListener.LifespanState;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.RecordingListener;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import dev.uvi.testing.WebSocketApps;
import dev.uvi.testing.WebSocketClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServerListenerTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	final RecordingListener listener = new RecordingListener();

	private final AsgiApplication echo = (scope, receive, send) -> RequestBodies.readAll(receive, 1024)
		.thenCompose((body) -> Responses.bytes(send, 200, Responses.TEXT_PLAIN, body));

	private final AsgiApplication router = Router.builder()
		.post("/echo", this.echo)
		.get("/boom", (scope, receive, send) -> CompletableFuture.failedFuture(new IllegalStateException("boom")))
		.mount("/v1", Router.builder().get("/items", TestApps.text("items")).build())
		.mount("/plain", TestApps.text("plain"))
		.websocket("/ws", WebSocketApps.echo(new CompletableFuture<>()))
		.build();

	@Test
	void oneKeepAliveConnectionIsOpenedOnceAndClosedOnce() throws Exception {
		int port = start(TestApps.text("x"));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			assertThat(this.listener.connectionsOpened).hasValue(1);
			assertThat(this.listener.connectionsClosed).hasValue(0);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.listener.connectionsClosed.get() == 1);
		assertThat(this.listener.finished).hasSize(2);
	}

	@Test
	void finishedRequestCarriesStatusBytesDurationAndRoute() throws Exception {
		int port = start(this.router);
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello").readResponse();
		}
		CompletedRequest request = awaitFinished(1).get(0);
		assertThat(request.status()).isEqualTo(200);
		assertThat(request.requestBytes()).isEqualTo(5);
		assertThat(request.responseBytes()).isEqualTo(5);
		assertThat(request.route()).isEqualTo("/echo");
		assertThat(request.notFound()).isFalse();
		assertThat(request.completed()).isTrue();
		assertThat(request.error()).isNull();
		assertThat(request.durationNanos()).isPositive();
		assertThat(request.scope()).isSameAs(this.listener.started.get(0));
	}

	@Test
	void routeIsTheTemplateNeverTheRawPath() throws Exception {
		int port = start(this.router);
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("GET /v1/items HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			client.send("GET /plain/anything/123 HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			client.send("GET /nope/123 HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			client.send("GET /v1/nope HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
		}
		List<CompletedRequest> requests = awaitFinished(4);
		assertThat(requests).extracting(CompletedRequest::route).containsExactly("/v1/items", "/plain", null, null);
		assertThat(requests).extracting(CompletedRequest::notFound).containsExactly(false, false, true, true);
		assertThat(requests).extracting(CompletedRequest::status).containsExactly(200, 200, 404, 404);
	}

	@Test
	void applicationErrorReachesTheListenerWithTheFixed500() throws Exception {
		int port = start(this.router);
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n").readUntilClosed();
		}
		CompletedRequest request = awaitFinished(1).get(0);
		assertThat(request.status()).isEqualTo(500);
		assertThat(request.error()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
		assertThat(request.route()).isEqualTo("/boom");
	}

	@Test
	void webSocketIsOpenedClosedAndItsMessagesCountedBothWays() throws Exception {
		int port = start(this.router);
		WebSocketClient client = WebSocketClient.open(port, "/ws");
		client.socket().sendText("one", true).join();
		assertThat(client.next()).isEqualTo("text:one");
		assertThat(this.listener.webSocketsOpened).hasValue(1);
		client.socket().sendClose(1000, "").join();
		assertThat(client.closeCode()).isEqualTo(1000);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.listener.webSocketsClosed.get() == 1);
		assertThat(this.listener.messages).containsExactly(Direction.RECEIVED, Direction.SENT);
		assertThat(this.listener.finished).as("a WebSocket is not an HTTP request").isEmpty();
	}

	@Test
	void lifespanStatesArriveInOrder() {
		start(TestApps.text("x"));
		this.fixture.server().shutdown(Duration.ofSeconds(5));
		assertThat(this.listener.lifespan).containsExactly(LifespanState.STARTING, LifespanState.STARTED,
				LifespanState.STOPPING, LifespanState.STOPPED);
	}

	@Test
	void withoutListenerTheScopeHasNoRouteHolder() throws Exception {
		CompletableFuture<HttpScope> seen = new CompletableFuture<>();
		int port = this.fixture.start((scope, receive, send) -> {
			seen.complete((HttpScope) scope);
			return Responses.text(send, 200, "x");
		});
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
		}
		assertThat(MatchedRoute.of(seen.join())).isNull();
	}

	@Test
	void refusalsByALimitAreToldWithTheirReason() throws Exception {
		int port = this.fixture.start(TestApps.text("ok"), (b) -> b.listener(this.listener).limitConcurrency(1)
			.maxRequestBodySize(4));
		try (RawHttpClient first = RawHttpClient.connect(port)) {
			first.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n");
			assertThat(first.readResponse().status()).isEqualTo(413);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.listener.connectionsClosed.get() == 1);
		try (RawHttpClient first = RawHttpClient.connect(port)) {
			assertThat(first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(200);
			try (RawHttpClient second = RawHttpClient.connect(port)) { // the first, idle, still counts
				assertThat(second.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(503);
			}
		}
		assertThat(this.listener.rejected).containsExactly("too-large", "concurrency");
		assertThat(this.listener.started).as("refused requests never reach the application").hasSize(1);
	}

	@Test
	void compositeTellsEveryListenerInOrder() {
		RecordingListener second = new RecordingListener();
		UviServerListener both = UviServerListener.of(List.of(this.listener, UviServerListener.NOOP, second));
		both.requestRejected("concurrency");
		both.connectionOpened();
		assertThat(this.listener.rejected).containsExactly("concurrency");
		assertThat(second.rejected).containsExactly("concurrency");
		assertThat(second.connectionsOpened).hasValue(1);
		assertThat(UviServerListener.of(List.of())).isSameAs(UviServerListener.NOOP);
		assertThat(UviServerListener.of(List.of(second))).isSameAs(second);
	}

	private int start(AsgiApplication app) {
		return this.fixture.start(app, (b) -> b.listener(this.listener));
	}

	private List<CompletedRequest> awaitFinished(int count) {
		await().atMost(Duration.ofSeconds(5)).until(() -> this.listener.finished.size() >= count);
		return this.listener.finished;
	}
}
