package dev.uvi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value forms of the runner's flags, the same as the starter's properties: durations as seconds
 * (decimals allowed) or with a unit ({@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}); sizes as bytes
 * or with a 1024-based unit ({@code 16KB}, {@code 1MB}). A value that does not parse raises an
 * {@link IllegalArgumentException} whose message is the {@code (expected: ...)} part.
 */
final class FlagValues {

	private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

	private static final Pattern SIZE = Pattern.compile("(\\d+)(b|kb|mb|gb)?");

	private FlagValues() {
	}

	static int integer(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("(expected: an integer)");
		}
	}

	static boolean bool(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new IllegalArgumentException("(expected: true or false)");
		};
	}

	static Duration duration(String value) {
		Matcher matcher = DURATION.matcher(value.toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new IllegalArgumentException("(expected: seconds, or a duration such as 500ms, 5s or 2m)");
		}
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
		long nanosPerUnit = switch (unit) {
			case "ms" -> 1_000_000L;
			case "m" -> 60_000_000_000L;
			case "h" -> 3_600_000_000_000L;
			default -> 1_000_000_000L;
		};
		try {
			BigDecimal nanos = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit));
			return Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact());
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("(expected: a duration under 292 years)");
		}
	}

	static int size(String value) {
		Matcher matcher = SIZE.matcher(value.toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new IllegalArgumentException("(expected: bytes, or a size such as 16KB or 1MB)");
		}
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "b";
		int shift = switch (unit) {
			case "kb" -> 10;
			case "mb" -> 20;
			case "gb" -> 30;
			default -> 0;
		};
		try {
			long bytes = Long.parseLong(matcher.group(1));
			if (bytes > (Integer.MAX_VALUE >> shift)) {
				throw new NumberFormatException();
			}
			return (int) (bytes << shift);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("(expected: less than 2GB)");
		}
	}

	/** @return {@code 5s}, {@code 500ms} or seconds with decimals: a form {@link #duration} reads back */
	static String format(Duration duration) {
		if (duration.toNanos() % 1_000_000_000L == 0) {
			return duration.toSeconds() + "s";
		}
		if (duration.toNanos() % 1_000_000L == 0) {
			return duration.toMillis() + "ms";
		}
		return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString();
	}

	/** @return {@code 16MB}, {@code 8KB} or a number of bytes: a form {@link #size} reads back */
	static String formatSize(int bytes) {
		if (bytes > 0 && bytes % (1 << 20) == 0) {
			return (bytes >> 20) + "MB";
		}
		if (bytes > 0 && bytes % (1 << 10) == 0) {
			return (bytes >> 10) + "KB";
		}
		return Integer.toString(bytes);
	}
}
