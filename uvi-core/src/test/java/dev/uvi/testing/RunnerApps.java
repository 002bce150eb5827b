package dev.uvi.testing;

import dev.uvi.asgi.AsgiApplication;
import java.util.concurrent.atomic.AtomicInteger;

/** Applications for the command-line runner's tests, named as {@code dev.uvi.testing.RunnerApps::app}. */
public final class RunnerApps {

	/** Answers every request with {@code Hello from the runner}. */
	public static final AsgiApplication app = TestApps.text("Hello from the runner");

	/** How often {@link #factory()} was called. */
	public static final AtomicInteger factoryCalls = new AtomicInteger();

	/** Not an application. */
	public static final String notAnApp = "just a string";

	/** Declared as Object, holding an application: accepted. */
	public static final Object declaredAsObject = app;

	/** Declared as Object, holding something else: refused. */
	public static final Object objectNotAnApp = 42;

	/** Null: a startup failure. */
	public static final AsgiApplication nothing = null;

	/** Not static. */
	public final AsgiApplication instanceApp = app;

	private RunnerApps() {
	}

	/** uvicorn's {@code --factory}: called once. */
	public static AsgiApplication factory() {
		factoryCalls.incrementAndGet();
		return TestApps.text("Hello from the factory");
	}

	/** A factory that fails. */
	public static AsgiApplication failingFactory() {
		throw new IllegalStateException("database unreachable");
	}

	/** Takes an argument: not a factory. */
	public static AsgiApplication withArgument(String greeting) {
		return TestApps.text(greeting);
	}
}
