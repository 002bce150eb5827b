package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code timeout-keep-alive} over raw sockets: on an HTTP/1.1-only server the connection's guard keeps
 * it with one task per connection; with h2c on, reactor-netty's {@code idleTimeout} does. Either way
 * the time runs only while no request is on the connection.
 */
class KeepAliveTests {

	private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@Test
	void connectionThatNeverSendsIsClosedAfterTheKeepAliveTimeoutNotTheHeadTimeout() throws Exception {
		int port = this.fixture.start(TestApps.text("ok"),
				(b) -> b.timeoutKeepAlive(Duration.ofMillis(300)).timeoutRequestHeader(Duration.ofSeconds(30)));
		try (RawHttpClient client = RawHttpClient.connect(port, Duration.ofSeconds(10))) {
			long before = System.nanoTime();
			assertThat(client.readUntilClosed()).isEmpty(); // closed, not answered 408
			assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
		}
	}

	@Test
	void requestLongerThanTheKeepAliveTimeoutIsAnsweredAndTheIdleConnectionClosedAfterIt() throws Exception {
		AsgiApplication slow = (scope, receive, send) -> CompletableFuture
			.runAsync(() -> {
			}, CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS))
			.thenCompose((ignored) -> TestApps.sendText(send, 200, "late"));
		int port = this.fixture.start(slow, (b) -> b.timeoutKeepAlive(Duration.ofMillis(200)));
		try (RawHttpClient client = RawHttpClient.connect(port, Duration.ofSeconds(10))) {
			RawHttpClient.Response response = client.send(GET).readResponse();
			assertThat(response.status()).isEqualTo(200);
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("late");
			assertThat(client.isClosedByServer()).isTrue();
		}
	}

	@Test
	void connectionUsedMoreOftenThanTheTimeoutStaysOpenLongPastIt() throws Exception {
		int port = this.fixture.start(TestApps.text("ok"), (b) -> b.timeoutKeepAlive(Duration.ofMillis(800)));
		try (RawHttpClient client = RawHttpClient.connect(port, Duration.ofSeconds(10))) {
			long before = System.nanoTime();
			int requests = 0;
			// idle gaps of 100 ms, the scenario itself: over 2.5 s the one task fires and re-arms at least
			// twice, and a stall of up to 0.7 s in this JVM still leaves the connection open
			while (Duration.ofNanos(System.nanoTime() - before).compareTo(Duration.ofMillis(2500)) < 0) {
				assertThat(client.send(GET).readResponse().status()).isEqualTo(200);
				requests++;
				Thread.sleep(100);
			}
			assertThat(requests).isGreaterThan(5);
			assertThat(client.isClosedByServer()).isTrue(); // and once idle, it goes
		}
	}

	@Test
	void withH2cOnReactorNettyKeepsTheTimeoutForHttp11ConnectionsToo() throws Exception {
		int port = this.fixture.start(TestApps.text("ok"), (b) -> b.timeoutKeepAlive(Duration.ofMillis(300))
			.http2(Http2Config.defaults().withH2c(true)));
		try (RawHttpClient client = RawHttpClient.connect(port, Duration.ofSeconds(10))) {
			assertThat(client.send(GET).readResponse().status()).isEqualTo(200);
			long before = System.nanoTime();
			assertThat(client.isClosedByServer()).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
		}
	}
}
