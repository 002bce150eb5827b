package dev.uvi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.testing.RunnerApps;
import org.junit.jupiter.api.Test;

class AppReferenceTests {

	private static final String APPS = "dev.uvi.testing.RunnerApps";

	@Test
	void aStaticFieldIsTheApplication() {
		assertThat(load(APPS + "::app", false)).isSameAs(RunnerApps.app);
		assertThat(load(APPS + "::declaredAsObject", false)).isSameAs(RunnerApps.app);
	}

	@Test
	void aStaticMethodIsAFactoryCalledOnce() {
		int before = RunnerApps.factoryCalls.get();
		AsgiApplication application = load(APPS + "::factory", false);
		assertThat(application).isNotNull().isNotSameAs(RunnerApps.app);
		assertThat(RunnerApps.factoryCalls.get()).isEqualTo(before + 1);
		assertThat(load(APPS + "::factory", true)).isNotNull();
	}

	@Test
	void referencesThatNameNoApplicationAreUsageErrors() {
		assertUsage("APP: com.example.Missing::app (expected: a class on the classpath; com.example.Missing is not)",
				"com.example.Missing::app", false);
		assertUsage("APP: 'dev.uvi.testing.RunnerApps:app' (expected: class::staticField or class::staticMethod,"
				+ " e.g. com.example.Main::app)", APPS + ":app", false);
		assertUsage("APP: '::app' (expected: class::staticField or class::staticMethod, e.g. com.example.Main::app)",
				"::app", false);
		assertUsage("APP: " + APPS + "::nope (expected: a static field or zero-argument static method 'nope' in "
				+ APPS + ")", APPS + "::nope", false);
		assertUsage("APP: " + APPS + "::withArgument (expected: a static field or zero-argument static method"
				+ " 'withArgument' in " + APPS + ")", APPS + "::withArgument", false);
		assertUsage("APP: " + APPS + "::app (expected: a zero-argument static method 'app' in " + APPS + ")",
				APPS + "::app", true);
		assertUsage("APP: " + APPS + "::instanceApp is not static (expected: a static field or method)",
				APPS + "::instanceApp", false);
	}

	@Test
	void membersOfAnotherTypeAreUsageErrors() {
		assertUsage("APP: " + APPS + "::notAnApp is a java.lang.String (expected: a dev.uvi.asgi.AsgiApplication)",
				APPS + "::notAnApp", false);
		assertUsage("APP: " + APPS + "::objectNotAnApp is a java.lang.Integer (expected: a dev.uvi.asgi."
				+ "AsgiApplication)", APPS + "::objectNotAnApp", false);
		assertUsage("APP: java.lang.System::lineSeparator is a java.lang.String (expected: a dev.uvi.asgi."
				+ "AsgiApplication)", "java.lang.System::lineSeparator", false);
	}

	@Test
	void anApplicationThatFailsToLoadIsAStartupFailure() {
		assertThatExceptionOfType(RunnerException.class).isThrownBy(() -> load(APPS + "::failingFactory", false))
			.withMessage("Error loading application " + APPS + "::failingFactory: java.lang.IllegalStateException:"
					+ " database unreachable")
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(3));
		assertThatExceptionOfType(RunnerException.class).isThrownBy(() -> load(APPS + "::nothing", false))
			.withMessage("Error loading application " + APPS + "::nothing: it is null")
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(3));
	}

	private static AsgiApplication load(String reference, boolean factory) {
		return AppReference.load(reference, factory, AppReferenceTests.class.getClassLoader());
	}

	private static void assertUsage(String message, String reference, boolean factory) {
		assertThatExceptionOfType(RunnerException.class).isThrownBy(() -> load(reference, factory))
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(2));
	}
}
