package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Core's tests run under BlockHound: this proves it is armed, so the other tests' silence means something. */
class BlockHoundTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@Test
	void anApplicationThatBlocksTheEventLoopIsCaught() throws Exception {
		int port = this.fixture.start((scope, receive, send) -> {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return TestApps.sendText(send, 200, "slept on the event loop");
		});
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(500);
		}
	}
}
