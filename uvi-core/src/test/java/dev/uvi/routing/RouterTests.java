package dev.uvi.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.WebSocketAccept;
import dev.uvi.asgi.WebSocketClose;
import dev.uvi.http.Responses;
import dev.uvi.testing.RecordingSend;
import dev.uvi.testing.ScriptedReceive;
import dev.uvi.testing.TestScopes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RouterTests {

	private final Router router = Router.builder()
		.get("/", answering("home"))
		.post("/echo", answering("echo"))
		.route("/items", Set.of("PUT", "DELETE"), answering("items"))
		.route("/items", List.of("PATCH"), answering("items patch"))
		.websocket("/ws/echo", (scope, receive, send) -> send.send(WebSocketAccept.of()))
		.build();

	@Test
	void exactPathAndMethodReachTheirApplication() {
		assertThat(call(this.router, "GET", "/").bodyText()).isEqualTo("home");
		assertThat(call(this.router, "POST", "/echo").bodyText()).isEqualTo("echo");
		assertThat(call(this.router, "PUT", "/items").bodyText()).isEqualTo("items");
		assertThat(call(this.router, "PATCH", "/items").bodyText()).isEqualTo("items patch");
	}

	@Test
	void getRouteAlsoAnswersHead() {
		// starlette tests/test_routing.py::test_router (HEAD on a GET route)
		RecordingSend send = call(this.router, "HEAD", "/");

		assertThat(send.status()).isEqualTo(200);
		assertThat(send.bodyText()).isEqualTo("home");
	}

	@Test
	void unknownPathGetsNotFoundAsPlainText() {
		RecordingSend send = call(this.router, "GET", "/nope");

		assertThat(send.status()).isEqualTo(404);
		assertThat(send.headers().get("content-type")).isEqualTo("text/plain; charset=utf-8");
		assertThat(send.headers().get("content-length")).isEqualTo("9");
		assertThat(send.bodyText()).isEqualTo("Not Found");
		assertThat(send.isComplete()).isTrue();
	}

	@Test
	void pathsMatchExactlyWithoutTrailingSlashOrPrefix() {
		assertThat(call(this.router, "POST", "/echo/").status()).isEqualTo(404);
		assertThat(call(this.router, "POST", "/ech").status()).isEqualTo(404);
		assertThat(call(this.router, "POST", "/echo/more").status()).isEqualTo(404);
	}

	@Test
	void knownPathWithOtherMethodGetsMethodNotAllowedWithSortedAllowHeader() {
		RecordingSend send = call(this.router, "GET", "/items");

		assertThat(send.status()).isEqualTo(405);
		assertThat(send.headers().get("allow")).isEqualTo("DELETE, PATCH, PUT");
		assertThat(send.headers().get("content-type")).isEqualTo("text/plain; charset=utf-8");
		assertThat(send.bodyText()).isEqualTo("Method Not Allowed");
	}

	@Test
	void allowHeaderOfAGetRouteListsHead() {
		RecordingSend send = call(this.router, "POST", "/");

		assertThat(send.status()).isEqualTo(405);
		assertThat(send.headers().get("allow")).isEqualTo("GET, HEAD");
	}

	@Test
	void methodsAreMatchedCaseSensitively() {
		assertThat(call(this.router, "get", "/").status()).isEqualTo(405);
	}

	@Test
	void routingUsesThePathWithoutTheRootPath() {
		// starlette/_utils.py::get_route_path: path includes root_path since ASGI HTTP 2.3
		HttpScope scope = TestScopes.http("POST", "/api/echo").withRootPath("/api");

		assertThat(call(this.router, scope).bodyText()).isEqualTo("echo");
	}

	@Test
	void theRootPathItselfRoutesAsSlash() {
		HttpScope scope = TestScopes.http("GET", "/api").withRootPath("/api");

		assertThat(call(this.router, scope).bodyText()).isEqualTo("home");
	}

	@Test
	void aPathOutsideTheRootPathIsRoutedAsItIs() {
		HttpScope scope = TestScopes.http("POST", "/echo").withRootPath("/api");

		assertThat(call(this.router, scope).bodyText()).isEqualTo("echo");
	}

	@Test
	void applicationSeesTheScopeUnchanged() {
		AtomicReference<Scope> seen = new AtomicReference<>();
		Router router = Router.builder().get("/x", (scope, receive, send) -> {
			seen.set(scope);
			return Responses.text(send, 200, "");
		}).build();
		HttpScope scope = TestScopes.http("GET", "/api/x?a=1").withRootPath("/api");

		call(router, scope);

		assertThat(seen.get()).isSameAs(scope);
	}

	@Test
	void webSocketRouteReachesItsApplication() {
		RecordingSend send = RecordingSend.create();

		assertThat(this.router.call(TestScopes.webSocket("/ws/echo"), ScriptedReceive.of(), send))
			.succeedsWithin(Duration.ofSeconds(5));
		assertThat(send.messages()).containsExactly(WebSocketAccept.of());
	}

	@Test
	void webSocketOnUnknownPathIsClosedBeforeAccept() {
		// starlette/routing.py Router.not_found: WebSocketClose() for a websocket scope
		RecordingSend send = RecordingSend.create();

		assertThat(this.router.call(TestScopes.webSocket("/ws/nope"), ScriptedReceive.of(), send))
			.succeedsWithin(Duration.ofSeconds(5));
		assertThat(send.messages()).containsExactly(new WebSocketClose(1000, ""));
	}

	@Test
	void webSocketOnAnHttpPathIsClosedAndHttpOnAWebSocketPathIsNotFound() {
		RecordingSend webSocket = RecordingSend.create();
		this.router.call(TestScopes.webSocket("/"), ScriptedReceive.of(), webSocket);

		assertThat(webSocket.messages()).containsExactly(WebSocketClose.of());
		assertThat(call(this.router, "GET", "/ws/echo").status()).isEqualTo(404);
	}

	@Test
	void exactRoutesWinOverMountsAndMountsAreTriedInOrder() {
		Router router = Router.builder()
			.mount("/v1", answering("first mount"))
			.mount("/v1", answering("second mount"))
			.get("/v1/exact", answering("exact"))
			.build();

		assertThat(call(router, "GET", "/v1/exact").bodyText()).isEqualTo("exact");
		assertThat(call(router, "GET", "/v1/other").bodyText()).isEqualTo("first mount");
	}

	@Test
	void declaringAMethodTwiceOnAPathIsRefused() {
		Router.Builder builder = Router.builder().get("/x", answering("a"));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> builder.route("/x", List.of("POST", "GET"), answering("b")))
			.withMessage("route: GET /x declared twice (expected: one application per method and path)");
	}

	@Test
	void pathsMustStartWithASlash() {
		assertThatIllegalArgumentException().isThrownBy(() -> Router.builder().get("x", answering("a")))
			.withMessage("path: 'x' (expected: a path starting with '/')");
		assertThatIllegalArgumentException().isThrownBy(() -> Router.builder().websocket("", answering("a")))
			.withMessage("path: '' (expected: a path starting with '/')");
	}

	@Test
	void aRouteNeedsAtLeastOneMethod() {
		assertThatIllegalArgumentException().isThrownBy(() -> Router.builder().route("/x", Set.of(), answering("a")))
			.withMessage("methods: [] for /x (expected: at least one method)");
	}

	@Test
	void theBuilderCanGoOnWithoutChangingABuiltRouter() {
		Router.Builder builder = Router.builder().get("/a", answering("a"));
		Router first = builder.build();
		builder.get("/b", answering("b"));

		assertThat(call(first, "GET", "/b").status()).isEqualTo(404);
		assertThat(call(builder.build(), "GET", "/b").bodyText()).isEqualTo("b");
	}

	static AsgiApplication answering(String text) {
		return (scope, receive, send) -> Responses.text(send, 200, text);
	}

	static RecordingSend call(AsgiApplication application, String method, String target) {
		return call(application, TestScopes.http(method, target));
	}

	static RecordingSend call(AsgiApplication application, HttpScope scope) {
		RecordingSend send = RecordingSend.create();
		assertThat(application.call(scope, ScriptedReceive.body(), send)).succeedsWithin(Duration.ofSeconds(5));
		return send;
	}
}
