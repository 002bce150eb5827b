package dev.uvi.routing;

import static dev.uvi.routing.RouterTests.answering;
import static dev.uvi.routing.RouterTests.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.ConnectionScope;
import dev.uvi.asgi.LifespanStartupComplete;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.WebSocketClose;
import dev.uvi.http.Responses;
import dev.uvi.testing.RecordingSend;
import dev.uvi.testing.ScriptedReceive;
import dev.uvi.testing.TestScopes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MountTests {

	private final AtomicReference<ConnectionScope> seen = new AtomicReference<>();

	private final Router v1 = Router.builder()
		.get("/items", answering("v1 items"))
		.get("/scope", recording())
		.get("/", recording())
		.build();

	private final Router router = Router.builder().get("/", answering("home")).mount("/v1", this.v1).build();

	@Test
	void mountedApplicationSeesRootPathGrownAndPathWhole() {
		call(this.router, "GET", "/v1/scope?x=1");

		assertThat(this.seen.get().rootPath()).isEqualTo("/v1");
		assertThat(this.seen.get().path()).isEqualTo("/v1/scope");
		assertThat(this.seen.get().rawPath()).isEqualTo("/v1/scope");
		assertThat(this.seen.get().queryString()).isEqualTo("x=1");
	}

	@Test
	void routingInsideTheMountUsesThePathBelowThePrefix() {
		assertThat(call(this.router, "GET", "/v1/items").bodyText()).isEqualTo("v1 items");
	}

	@Test
	void prefixMatchesOnASegmentBoundaryOnly() {
		assertThat(call(this.router, "GET", "/v10/items").status()).isEqualTo(404);
		assertThat(call(this.router, "GET", "/v1items").status()).isEqualTo(404);
	}

	@Test
	void theBarePrefixReachesTheSubApplicationsRoot() {
		call(this.router, "GET", "/v1");

		assertThat(this.seen.get().rootPath()).isEqualTo("/v1");
		assertThat(this.seen.get().path()).isEqualTo("/v1");
	}

	@Test
	void unknownPathInsideTheMountIsAnsweredByTheSubApplication() {
		RecordingSend send = call(this.router, "GET", "/v1/nope");

		assertThat(send.status()).isEqualTo(404);
		assertThat(send.bodyText()).isEqualTo("Not Found");
	}

	@Test
	void mountsNestUnderAnOuterRootPath() {
		Router outer = Router.builder().mount("/api", this.router).build();

		call(outer, TestScopes.http("GET", "/proxy/api/v1/scope").withRootPath("/proxy"));

		assertThat(this.seen.get().rootPath()).isEqualTo("/proxy/api/v1");
		assertThat(this.seen.get().path()).isEqualTo("/proxy/api/v1/scope");
	}

	@Test
	void webSocketScopesAreMountedToo() {
		AtomicReference<Scope> webSocket = new AtomicReference<>();
		Mount mount = new Mount("/chat", (scope, receive, send) -> {
			webSocket.set(scope);
			return send.send(WebSocketClose.of());
		});

		mount.call(TestScopes.webSocket("/chat/room"), ScriptedReceive.of(), RecordingSend.create());

		assertThat(((ConnectionScope) webSocket.get()).rootPath()).isEqualTo("/chat");
	}

	@Test
	void usedStandaloneARequestOutsideThePrefixIsNotFound() {
		Mount mount = new Mount("/v1", answering("inside"));

		assertThat(call(mount, "GET", "/v1/a").bodyText()).isEqualTo("inside");
		assertThat(call(mount, "GET", "/v2/a").status()).isEqualTo(404);
	}

	@Test
	void usedStandaloneTheLifespanScopeIsPassedThrough() {
		Mount mount = new Mount("/v1", Router.builder().build());
		RecordingSend send = RecordingSend.create();

		assertThat(mount.call(TestScopes.lifespan(), ScriptedReceive.lifespan(), send))
			.succeedsWithin(Duration.ofSeconds(5));
		assertThat(send.messages()).startsWith(new LifespanStartupComplete());
	}

	@Test
	void prefixMustStartWithASlashAndNotEndWithOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Mount("v1", answering("")))
			.withMessage("prefix: 'v1' (expected: a path starting with '/')");
		assertThatIllegalArgumentException().isThrownBy(() -> new Mount("/v1/", answering("")))
			.withMessage("prefix: '/v1/' (expected: no trailing '/', e.g. '/v1')");
		assertThatIllegalArgumentException().isThrownBy(() -> new Mount("/", answering("")))
			.withMessage("prefix: '/' (expected: no trailing '/', e.g. '/v1')");
	}

	private AsgiApplication recording() {
		return (scope, receive, send) -> {
			this.seen.set((ConnectionScope) scope);
			return Responses.text(send, 200, "seen");
		};
	}
}
