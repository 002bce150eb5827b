package dev.uvi.server;

/**
 * The application failed its lifespan startup ({@code lifespan.startup.failed}, or an error with
 * lifespan {@code on}); the server did not start. uvicorn exits with code {@value #EXIT_CODE} here.
 */
public class LifespanStartupException extends UviServerException {

	private static final long serialVersionUID = 1L;

	/** uvicorn's exit code for any startup failure. */
	public static final int EXIT_CODE = 3;

	public LifespanStartupException(String message) {
		super(message);
	}

	public LifespanStartupException(String message, Throwable cause) {
		super(message, cause);
	}
}
