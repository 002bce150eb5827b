package dev.uvi.spring.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.server.UviConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.support.TestPropertySourceUtils;

class ShutdownPhaseCheckTests {

	private final StandardEnvironment environment = new StandardEnvironment();

	ShutdownPhaseCheckTests() {
		this.environment.setConversionService(new ApplicationConversionService());
	}

	@Test
	void gracefulTimeoutLongerThanSpringsPhaseTimeoutIsWarnedAbout() {
		UviConfig config = UviConfig.builder().timeoutGracefulShutdown(Duration.ofSeconds(60)).build();
		assertThat(ShutdownPhaseCheck.warnIfShorter(config, this.environment)).isTrue();
		TestPropertySourceUtils.addInlinedPropertiesToEnvironment(this.environment,
				"spring.lifecycle.timeout-per-shutdown-phase=90s");
		assertThat(ShutdownPhaseCheck.warnIfShorter(config, this.environment)).isFalse();
	}

	@Test
	void unsetGracefulTimeoutIsNotWarnedAbout() {
		assertThat(ShutdownPhaseCheck.warnIfShorter(UviConfig.defaults(), this.environment)).isFalse();
	}
}
