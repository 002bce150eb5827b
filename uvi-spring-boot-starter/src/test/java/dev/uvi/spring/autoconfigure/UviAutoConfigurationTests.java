package dev.uvi.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.server.LifespanMode;
import dev.uvi.server.UviConfig;
import dev.uvi.spring.lifecycle.ReadinessOnContextClose;
import dev.uvi.spring.lifecycle.UviServerLifecycle;
import dev.uvi.spring.testing.HelloApplication;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;

class UviAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UviAutoConfiguration.class))
		.withPropertyValues("uvi.port=0", "uvi.lifespan=off");

	@Test
	void runsTheOneApplicationBean() {
		this.runner.withBean("hello", AsgiApplication.class, HelloApplication::new).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(UviServerLifecycle.class)
				.hasSingleBean(ReadinessOnContextClose.class)
				.hasSingleBean(UviProperties.class);
			assertThat(context.getBean(UviServerLifecycle.class).isRunning()).isTrue();
		});
	}

	@Test
	void withoutApplicationBeanStartupFailsSayingSo() {
		this.runner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(AsgiApplicationBeanException.class)
			.hasMessage("No AsgiApplication bean found (expected: exactly one)"));
	}

	@Test
	void withTwoApplicationBeansStartupFailsNamingBoth() {
		this.runner.withBean("first", AsgiApplication.class, HelloApplication::new)
			.withBean("second", AsgiApplication.class, HelloApplication::new)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOfSatisfying(AsgiApplicationBeanException.class,
						(ex) -> assertThat(ex.beanNames()).containsExactly("first", "second"))
				.hasMessage("2 AsgiApplication beans found: first, second (expected: exactly one)"));
	}

	@Test
	void customizersRunAfterThePropertiesInTheirOrder() {
		this.runner.withPropertyValues("uvi.headers[0]=X-Order: properties")
			.withBean("hello", AsgiApplication.class, HelloApplication::new)
			.withUserConfiguration(OrderedCustomizers.class)
			.run((context) -> assertThat(startedConfig(context.getBean(UviServerLifecycle.class)).headers()
				.getAll("x-order")).containsExactly("properties", "first", "second", "unordered"));
	}

	@Test
	void customizerMayOverrideAProperty() {
		this.runner.withPropertyValues("uvi.root-path=/from-properties")
			.withBean("hello", AsgiApplication.class, HelloApplication::new)
			.withBean(UviConfigCustomizer.class, () -> (builder) -> builder.rootPath("/from-code"))
			.run((context) -> assertThat(startedConfig(context.getBean(UviServerLifecycle.class)).rootPath())
				.isEqualTo("/from-code"));
	}

	@Test
	void disabledBacksOffEntirely() {
		this.runner.withPropertyValues("uvi.enabled=false").run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(UviServerLifecycle.class)
			.doesNotHaveBean(UviProperties.class)
			.doesNotHaveBean(ReadinessOnContextClose.class));
	}

	@Test
	void ownLifecycleBeanReplacesTheAutoConfiguredOne() {
		this.runner.withUserConfiguration(OwnLifecycle.class).run((context) -> assertThat(context).hasNotFailed()
			.getBean(UviServerLifecycle.class)
			.isSameAs(context.getBean("myLifecycle")));
	}

	@Test
	void valueTheServerRefusesFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("uvi.port=70000")
			.withBean("hello", AsgiApplication.class, HelloApplication::new)
			.run((context) -> assertThat(causeOf(context.getStartupFailure(), InvalidUviPropertyException.class))
				.hasMessage("uvi.port: 70000 (expected: 0-65535)"));
	}

	@Test
	void headerWithoutColonFailsStartupNamingItsIndex() {
		this.runner.withPropertyValues("uvi.headers[0]=X-Broken")
			.withBean("hello", AsgiApplication.class, HelloApplication::new)
			.run((context) -> assertThat(causeOf(context.getStartupFailure(), InvalidUviPropertyException.class))
				.hasMessageStartingWith("uvi.headers[0]: 'X-Broken'"));
	}

	@Test
	void valueThatDoesNotBindFailsStartupNamingThePropertyAsSpringDoes() {
		this.runner.withPropertyValues("uvi.port=abc")
			.withBean("hello", AsgiApplication.class, HelloApplication::new)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.satisfies((failure) -> assertThat(messages(failure)).contains("'uvi.port'")));
	}

	private static UviConfig startedConfig(UviServerLifecycle lifecycle) {
		return Objects.requireNonNull(lifecycle.config(), "not started");
	}

	private static <T extends Throwable> T causeOf(@Nullable Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		@Bean
		UviConfigCustomizer unordered() {
			return (builder) -> addOrder(builder, "unordered");
		}

		@Bean
		@Order(2)
		UviConfigCustomizer second() {
			return (builder) -> addOrder(builder, "second");
		}

		@Bean
		UviConfigCustomizer first() {
			return new FirstCustomizer();
		}

		static void addOrder(UviConfig.Builder builder, String name) {
			builder.headers(builder.build().headers().with("x-order", name));
		}
	}

	static class FirstCustomizer implements UviConfigCustomizer, Ordered {

		@Override
		public void customize(UviConfig.Builder builder) {
			OrderedCustomizers.addOrder(builder, "first");
		}

		@Override
		public int getOrder() {
			return 1;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnLifecycle {

		@Bean
		UviServerLifecycle myLifecycle(ConfigurableEnvironment environment, ApplicationEventPublisher publisher) {
			return new UviServerLifecycle(() -> UviConfig.builder().port(0).lifespan(LifespanMode.OFF).build(),
					java.util.List::of, new HelloApplication(), environment, publisher);
		}
	}
}
