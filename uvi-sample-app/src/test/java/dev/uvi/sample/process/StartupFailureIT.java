package dev.uvi.sample.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A lifespan bean that fails its startup: the server never listens and the process exits with uvicorn's code 3. */
class StartupFailureIT {

	@Test
	void aFailingLifespanBeanExitsWithThreeAndOneLineNamingIt() throws Exception {
		try (SampleProcess sample = SampleProcess.start("--sample.fail-startup=true")) {
			int exitCode = sample.awaitExit(Duration.ofSeconds(30));

			assertThat(exitCode).isEqualTo(3);
			assertThat(sample.output())
				.filteredOn((line) -> line.contains(" ERROR ")
						&& line.endsWith("Lifespan 'sampleLifespan' failed to start"))
				.hasSize(1);
			assertThat(sample.output()).noneMatch((line) -> line.contains("Uvi running on"));
		}
	}
}
