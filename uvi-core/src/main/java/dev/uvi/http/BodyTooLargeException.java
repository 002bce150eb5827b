package dev.uvi.http;

/**
 * A request body grew past the cap its reader set. The application usually answers {@code 413};
 * the rest of the body is left unread.
 */
public class BodyTooLargeException extends RuntimeException {

	private final long maxBytes;

	/** @param maxBytes the cap that was crossed */
	public BodyTooLargeException(long maxBytes) {
		super("request body: more than " + maxBytes + " bytes (expected: at most " + maxBytes + ")");
		this.maxBytes = maxBytes;
	}

	/** @return the cap that was crossed, in bytes */
	public long maxBytes() {
		return this.maxBytes;
	}
}
