package dev.uvi.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import dev.uvi.testing.LogCapture;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServerWarmupTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@RegisterExtension
	final LogCapture access = new LogCapture("uvi.access");

	@RegisterExtension
	final LogCapture error = new LogCapture("uvi.error");

	@Test
	void warmUpAnswersAGetAndAPostOnAThrowawayServerAndLeavesNoThreadBehind() throws Exception {
		assertThat(ServerWarmup.serve()).containsExactly("HTTP/1.1 200 OK", "HTTP/1.1 200 OK");
		await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
			.noneMatch((thread) -> thread.getName().startsWith("uvi-warmup")));
	}

	@Test
	void warmUpSaysNothingAnOperatorWouldSee() throws Exception {
		ServerWarmup.serve();
		assertThat(this.access.events()).isEmpty();
		assertThat(this.error.events()).noneMatch((event) -> event.getLevel().isGreaterOrEqual(Level.INFO));
	}

	@Test
	void noWarmUpOnceAServerHasStarted() {
		this.fixture.start(TestApps.text("x"));
		assertThat(ServerWarmup.run()).isFalse();
	}
}
