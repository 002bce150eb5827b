package dev.uvi.spring.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.test.context.support.TestPropertySourceUtils;

class ServerWarmupListenerTests {

	private final AtomicInteger warmups = new AtomicInteger();

	@Test
	void warmsUpBeforeTheRefreshWhenTheRunEndsThere() {
		listener(Map.of("spring.context.exit", "onRefresh")).onApplicationEvent(event());
		listener(Map.of("spring.context.checkpoint", "onrefresh")).onApplicationEvent(event());
		assertThat(this.warmups).hasValue(2);
	}

	@Test
	void ordinaryRunsAndDisabledUviAreLeftAlone() {
		listener(Map.of()).onApplicationEvent(event());
		listener(Map.of("spring.context.exit", "never")).onApplicationEvent(event());
		listener(Map.of("spring.context.exit", "onRefresh")).onApplicationEvent(event("uvi.enabled=false"));
		assertThat(this.warmups).hasValue(0);
	}

	@Test
	void isRegisteredToRunOnceLoggingIsSetUp() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class))
			.filteredOn(ServerWarmupListener.class::isInstance).singleElement()
			.satisfies((listener) -> assertThat(((ServerWarmupListener) listener).getOrder())
				.isGreaterThan(LoggingApplicationListener.DEFAULT_ORDER));
	}

	private ServerWarmupListener listener(Map<String, String> systemProperties) {
		return new ServerWarmupListener(this.warmups::incrementAndGet, systemProperties::get);
	}

	private static ApplicationEnvironmentPreparedEvent event(String... properties) {
		StandardEnvironment environment = new StandardEnvironment();
		TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, properties);
		return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), new SpringApplication(),
				new String[0], environment);
	}
}
