package dev.uvi;

import org.jspecify.annotations.Nullable;

/**
 * Why the runner stops before serving, with the exit code it stops with: {@value #USAGE} for a bad
 * command line (as most Unix tools), {@value #STARTUP} for a failed start (uvicorn's code). The message
 * is the one line printed after {@code "uvi: "}.
 */
final class RunnerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** A flag, value or application reference the runner cannot use. */
	static final int USAGE = 2;

	/** The application or the server failed to start (uvicorn's {@code STARTUP_FAILURE}). */
	static final int STARTUP = 3;

	private final int exitCode;

	private RunnerException(int exitCode, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.exitCode = exitCode;
	}

	static RunnerException usage(String message) {
		return new RunnerException(USAGE, message, null);
	}

	static RunnerException startup(String message, @Nullable Throwable cause) {
		return new RunnerException(STARTUP, message, cause);
	}

	int exitCode() {
		return this.exitCode;
	}
}
