package dev.uvi.spring.lifecycle;

import dev.uvi.server.LifespanStartupException;
import org.springframework.boot.ExitCodeGenerator;

/**
 * The server could not start (a failed lifespan startup, a taken port): the application fails to
 * start and, run from {@code main}, the JVM exits with uvicorn's startup-failure code 3.
 */
public class UviStartupException extends RuntimeException implements ExitCodeGenerator {

	private static final long serialVersionUID = 1L;

	public UviStartupException(RuntimeException cause) {
		super(cause.getMessage(), cause);
	}

	@Override
	public int getExitCode() {
		return LifespanStartupException.EXIT_CODE;
	}
}
