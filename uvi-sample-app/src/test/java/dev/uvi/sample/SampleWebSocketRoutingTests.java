package dev.uvi.sample;

import static dev.uvi.sample.InProcess.contextRunner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.InboundMessage;
import dev.uvi.asgi.WebSocketAccept;
import dev.uvi.asgi.WebSocketClose;
import dev.uvi.asgi.WebSocketConnect;
import dev.uvi.asgi.WebSocketDisconnect;
import dev.uvi.asgi.WebSocketReceive;
import dev.uvi.asgi.WebSocketResponseBody;
import dev.uvi.asgi.WebSocketResponseStart;
import dev.uvi.asgi.WebSocketScope;
import dev.uvi.asgi.WebSocketSend;
import dev.uvi.testing.RecordingSend;
import dev.uvi.testing.ScriptedReceive;
import dev.uvi.testing.TestScopes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The sample's WebSocket routes, called in-process: the ASGI messages each one sends. */
class SampleWebSocketRoutingTests {

	@Test
	void echoAcceptsWithoutSubprotocolAndEchoesTextAsTextAndBinaryAsBinary() {
		withApplication((app) -> {
			byte[] bytes = { 0, 1, (byte) 0xff };
			RecordingSend send = call(app, TestScopes.webSocket("/ws/echo"), ScriptedReceive.of(new WebSocketConnect(),
					new WebSocketReceive(null, "héllo"), new WebSocketReceive(bytes, null),
					new WebSocketDisconnect(1000, "")));

			assertThat(send.messages()).containsExactly(new WebSocketAccept(null, Headers.empty()),
					WebSocketSend.text("héllo"), WebSocketSend.bytes(bytes));
		});
	}

	@Test
	void echoChoosesEchoV1WhenTheClientOffersIt() {
		withApplication((app) -> {
			RecordingSend send = call(app, offering("/ws/echo", "chat", "echo.v1"),
					ScriptedReceive.of(new WebSocketConnect(), new WebSocketDisconnect(1001, "")));

			assertThat(send.messages()).containsExactly(new WebSocketAccept("echo.v1", Headers.empty()));
		});
	}

	@Test
	void echoKeepsAFlatStackWhenEveryMessageIsAlreadyThere() {
		// ScriptedReceive and RecordingSend complete at once: a recursive loop would overflow here
		withApplication((app) -> {
			List<InboundMessage> script = new ArrayList<>();
			script.add(new WebSocketConnect());
			for (int i = 0; i < 20_000; i++) {
				script.add(new WebSocketReceive(null, "m"));
			}
			script.add(new WebSocketDisconnect(1000, ""));

			RecordingSend send = call(app, TestScopes.webSocket("/ws/echo"),
					ScriptedReceive.of(script.toArray(InboundMessage[]::new)));

			assertThat(send.messages()).hasSize(20_001);
		});
	}

	@Test
	void rejectClosesBeforeAccepting() {
		withApplication((app) -> {
			RecordingSend send = call(app, TestScopes.webSocket("/ws/reject"),
					ScriptedReceive.of(new WebSocketConnect()));

			assertThat(send.messages()).containsExactly(WebSocketClose.of());
		});
	}

	@Test
	void denySends401WithTheBodyDenied() {
		withApplication((app) -> {
			RecordingSend send = call(app, TestScopes.webSocket("/ws/deny"),
					ScriptedReceive.of(new WebSocketConnect()));

			assertThat(send.messages()).containsExactly(
					new WebSocketResponseStart(401, Headers.of("content-type", "text/plain", "content-length", "6")),
					new WebSocketResponseBody("denied".getBytes(StandardCharsets.UTF_8), false));
		});
	}

	@Test
	void unroutedWebSocketPathsAreClosedBeforeAccepting() {
		withApplication((app) -> {
			RecordingSend send = RecordingSend.create();
			app.call(TestScopes.webSocket("/ws/nope"), ScriptedReceive.of(), send);

			assertThat(send.messages()).containsExactly(WebSocketClose.of());
		});
	}

	private static RecordingSend call(AsgiApplication app, WebSocketScope scope, ScriptedReceive receive) {
		RecordingSend send = RecordingSend.create();
		assertThat(app.call(scope, receive, send)).succeedsWithin(Duration.ofSeconds(10));
		return send;
	}

	private static WebSocketScope offering(String path, String... subprotocols) {
		WebSocketScope scope = TestScopes.webSocket(path);
		return new WebSocketScope(scope.httpVersion(), scope.scheme(), scope.path(), scope.rawPath(),
				scope.queryString(), scope.rootPath(), scope.headers(), scope.client(), scope.server(),
				List.of(subprotocols), scope.state(), scope.extensions());
	}

	private static void withApplication(Consumer<AsgiApplication> test) {
		contextRunner.run((context) -> test.accept(context.getBean(AsgiApplication.class)));
	}
}
