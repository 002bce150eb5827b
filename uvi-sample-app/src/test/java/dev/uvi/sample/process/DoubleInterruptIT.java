package dev.uvi.sample.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.testing.RawHttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** uvicorn's second Ctrl+C: the first SIGINT starts the drain, a second one during it stops at once. */
class DoubleInterruptIT {

	@Test
	void secondInterruptDuringTheDrainStopsAtOnceWithExitCode130() throws Exception {
		try (SampleProcess sample = SampleProcess.start("--logging.level.dev.uvi.sample.http.SlowEndpoint=debug")) {
			int port = sample.awaitPort();
			try (RawHttpClient client = RawHttpClient.connect(port, Duration.ofSeconds(30))) {
				client.send("GET /slow?ms=20000 HTTP/1.1\r\nHost: x\r\n\r\n");
				sample.awaitLines((line) -> line.contains("Sleeping 20000 ms"), 1, Duration.ofSeconds(10));
				sample.interrupt();
				sample.awaitLines((line) -> line.contains("Shutting down"), 1, Duration.ofSeconds(10));
				long second = System.nanoTime();
				sample.interrupt();
				int exitCode = sample.awaitExit(Duration.ofSeconds(10));
				assertThat(Duration.ofNanos(System.nanoTime() - second)).isLessThan(Duration.ofSeconds(5));
				assertThat(exitCode).isEqualTo(130);
			}
		}
	}
}
