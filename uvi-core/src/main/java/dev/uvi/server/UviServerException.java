package dev.uvi.server;

/** The server could not do what it was asked to; the message says what and why. */
public class UviServerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public UviServerException(String message) {
		super(message);
	}

	public UviServerException(String message, Throwable cause) {
		super(message, cause);
	}
}
