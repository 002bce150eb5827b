package dev.uvi.server;

/** The one argument check of the configuration records: Armeria's {@code "port: 70000 (expected: 0-65535)"} form. */
final class ConfigCheck {

	private ConfigCheck() {
	}

	/**
	 * @param property the property name without {@code uvi.}, so the starter can name {@code uvi.<property>}
	 * @throws IllegalArgumentException naming the property, the value and the expectation
	 */
	static void check(boolean valid, String property, Object value, String expected) {
		if (!valid) {
			throw new IllegalArgumentException(property + ": " + value + " (expected: " + expected + ")");
		}
	}
}
