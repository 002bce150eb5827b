package dev.uvi.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.ConnectionScope;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.WebSocketAccept;
import dev.uvi.http.Responses;
import dev.uvi.testing.RecordingSend;
import dev.uvi.testing.ScriptedReceive;
import dev.uvi.testing.TestScopes;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchedRouteTests {

	private static final AsgiApplication OK = (scope, receive, send) -> Responses.text(send, 200, "ok");

	private final Router router = Router.builder()
		.get("/items", OK)
		.websocket("/ws", (scope, receive, send) -> send.send(WebSocketAccept.of()))
		.mount("/v1", Router.builder().get("/users", OK).build())
		.mount("/static", OK)
		.build();

	@Test
	void exactRouteIsItsOwnTemplate() {
		assertThat(route(this.router, "GET", "/items").template()).isEqualTo("/items");
	}

	@Test
	void methodNotAllowedStillNamesTheRoute() {
		MatchedRoute route = route(this.router, "POST", "/items");
		assertThat(route.template()).isEqualTo("/items");
		assertThat(route.isNotFound()).isFalse();
	}

	@Test
	void mountAndTheRouterInsideItJoinTheirPaths() {
		assertThat(route(this.router, "GET", "/v1/users").template()).isEqualTo("/v1/users");
	}

	@Test
	void mountedApplicationThatIsNoRouterLeavesThePrefix() {
		assertThat(route(this.router, "GET", "/static/css/site.css").template()).isEqualTo("/static");
	}

	@Test
	void unknownPathIsNotFoundEvenBelowAMount() {
		MatchedRoute top = route(this.router, "GET", "/nope");
		assertThat(top.isNotFound()).isTrue();
		assertThat(top.template()).isNull();
		MatchedRoute inner = route(this.router, "GET", "/v1/nope");
		assertThat(inner.isNotFound()).isTrue();
		assertThat(inner.template()).isNull();
	}

	@Test
	void webSocketRouteIsMatchedToo() {
		MatchedRoute route = new MatchedRoute();
		ConnectionScope scope = TestScopes.webSocket("/ws");
		scope = new dev.uvi.asgi.WebSocketScope(scope.httpVersion(), scope.scheme(), scope.path(), scope.rawPath(),
				scope.queryString(), scope.rootPath(), scope.headers(), scope.client(), scope.server(),
				java.util.List.of(), Map.of(), Map.of(MatchedRoute.EXTENSION, route));
		this.router.call(scope, ScriptedReceive.of(), RecordingSend.create()).toCompletableFuture().join();
		assertThat(route.template()).isEqualTo("/ws");
	}

	@Test
	void withoutHolderRoutingWorksAsBefore() {
		RecordingSend send = RecordingSend.create();
		this.router.call(TestScopes.http("GET", "/items"), ScriptedReceive.of(), send).toCompletableFuture().join();
		assertThat(send.bodyText()).isEqualTo("ok");
		assertThat(MatchedRoute.of(TestScopes.http("GET", "/items"))).isNull();
	}

	private static MatchedRoute route(AsgiApplication app, String method, String path) {
		MatchedRoute route = new MatchedRoute();
		HttpScope plain = TestScopes.http(method, path);
		HttpScope scope = new HttpScope(plain.httpVersion(), method, plain.scheme(), plain.path(), plain.rawPath(),
				plain.queryString(), plain.rootPath(), plain.headers(), plain.client(), plain.server(), Map.of(),
				Map.of(MatchedRoute.EXTENSION, route));
		app.call(scope, ScriptedReceive.of(), RecordingSend.create()).toCompletableFuture().join();
		return route;
	}
}
