package dev.uvi.internal.http;

/** The logger names operators configure, uvicorn's by audience: server life and app errors, and access. */
public final class ServerLoggers {

	/** Server life and application exceptions (uvicorn's {@code uvicorn.error}). */
	public static final String ERROR = "uvi.error";

	/** One line per request (uvicorn's {@code uvicorn.access}). */
	public static final String ACCESS = "uvi.access";

	private ServerLoggers() {
	}
}
