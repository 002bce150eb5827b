package dev.uvi.sample.http;

import dev.uvi.asgi.HttpScope;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Reads query parameters of the sample's routes; a bad number is the client's mistake ({@code 400}). */
final class Query {

	private Query() {
	}

	/**
	 * @return the first value of {@code name} in the query string, or {@code defaultValue} when absent
	 * @throws IllegalArgumentException when the value is not an integer from 0 to {@code max}
	 */
	static long number(HttpScope scope, String name, long defaultValue, long max) {
		String value = text(scope, name, null);
		return (value != null) ? parse(name, value, max) : defaultValue;
	}

	/** @return the first value of {@code name} in the query string, decoded, or {@code defaultValue} when absent */
	static @Nullable String text(HttpScope scope, String name, @Nullable String defaultValue) {
		for (String pair : scope.queryString().split("&")) {
			int equals = pair.indexOf('=');
			String key = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			if (key.equals(name)) {
				return decode((equals >= 0) ? pair.substring(equals + 1) : "");
			}
		}
		return defaultValue;
	}

	private static long parse(String name, String value, long max) {
		try {
			long number = Long.parseLong(value);
			if (number >= 0 && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new IllegalArgumentException(name + ": '" + value + "' (expected: an integer from 0 to " + max + ")");
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}
}
