package dev.uvi;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * The runner's fallback log. {@code uvi-core} logs through slf4j-api only; with no provider on the
 * classpath slf4j drops everything, and a server that says nothing looks broken. Then, and only then,
 * the runner prints the lines operators wait for ("Uvi running on ...") to stderr in uvicorn's format.
 */
final class Console {

	private final @Nullable PrintStream out;

	private final AtomicBoolean finished = new AtomicBoolean();

	private Console(@Nullable PrintStream out) {
		this.out = out;
	}

	/** @return a console that prints to {@code err} when slf4j has no provider, else one that prints nothing */
	static Console forSlf4j(PrintStream err) {
		if (!(LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory)) {
			return new Console(null);
		}
		err.println("uvi: no SLF4J provider on the classpath: printing the main lines only"
				+ " (add slf4j-simple or logback-classic for the full log)");
		return new Console(err);
	}

	/** Says "Finished server process" once, from whichever of the main thread and the shutdown hook comes first. */
	void finished() {
		if (this.finished.compareAndSet(false, true)) {
			info("Finished server process [" + ProcessHandle.current().pid() + "]");
		}
	}

	void info(String line) {
		if (this.out != null) {
			this.out.println("INFO:     " + line);
		}
	}
}
