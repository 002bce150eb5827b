package dev.uvi.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A {@code uvi.*} property has a value the server does not accept; the message names the property,
 * the value and what was expected ({@code "uvi.port: 70000 (expected: 0-65535)"}).
 */
public class InvalidUviPropertyException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String detail;

	/**
	 * @param property the full property name, such as {@code uvi.port}
	 * @param detail the value and the expectation, such as {@code 70000 (expected: 0-65535)}
	 * @param cause the validation error behind it, if any
	 */
	public InvalidUviPropertyException(String property, String detail, @Nullable Throwable cause) {
		super(property + ": " + detail, cause);
		this.property = property;
		this.detail = detail;
	}

	/**
	 * Names the property of a {@link dev.uvi.server.UviConfig.Builder} validation error, whose message
	 * starts with the short name ({@code "port: 70000 (expected: 0-65535)"}).
	 */
	/**
	 * For a refusal by one of core's configuration records, whose message starts with the property's
	 * name under {@code uvi.} ({@code "ws.max-size: 0 (expected: …)"}).
	 */
	static InvalidUviPropertyException named(IllegalArgumentException ex) {
		String message = String.valueOf(ex.getMessage());
		int colon = message.indexOf(": ");
		return of((colon > 0) ? "uvi." + message.substring(0, colon) : "uvi", ex);
	}

	static InvalidUviPropertyException of(String property, IllegalArgumentException ex) {
		String message = String.valueOf(ex.getMessage());
		int colon = message.indexOf(": ");
		return new InvalidUviPropertyException(property, (colon >= 0) ? message.substring(colon + 2) : message, ex);
	}

	/** @return the full property name, such as {@code uvi.port} */
	public String property() {
		return this.property;
	}

	/** @return the value and the expectation, without the property name */
	public String detail() {
		return this.detail;
	}
}
