package dev.uvi.asgi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The one header type of uvi: an immutable, ordered, multi-valued list of name/value pairs. Names
 * are lower-cased on the way in (ASCII); values are kept as given. Both are latin-1 strings, one char
 * per byte on the wire, which is lossless for whatever bytes a client sent. Lookups ignore case.
 */
public final class Headers {

	private static final Headers EMPTY = new Headers(new String[0]);

	/** RFC 9110 tchar: visible ASCII but the separators, as bits 0-63 and 64-127. Every response header passes here. */
	private static final long TOKEN_LOW;

	private static final long TOKEN_HIGH;

	static {
		long low = 0;
		long high = 0;
		for (char c = 33; c < 127; c++) {
			if ("\"(),/:;<=>?@[\\]{}".indexOf(c) < 0) {
				if (c < 64) {
					low |= 1L << c;
				}
				else {
					high |= 1L << c;
				}
			}
		}
		TOKEN_LOW = low;
		TOKEN_HIGH = high;
	}

	/** name0, value0, name1, value1, … with names already lower-case. */
	private final String[] pairs;

	private Headers(String[] pairs) {
		this.pairs = pairs;
	}

	/** @return headers with no entry */
	public static Headers empty() {
		return EMPTY;
	}

	/**
	 * @param namesAndValues name, value, name, value, …
	 * @return those headers, in that order
	 * @throws IllegalArgumentException when the count is odd
	 */
	public static Headers of(String... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException(
					"namesAndValues: " + namesAndValues.length + " strings (expected: name/value pairs)");
		}
		String[] pairs = namesAndValues.clone();
		for (int i = 0; i < pairs.length; i += 2) {
			pairs[i] = lowerCase(Objects.requireNonNull(pairs[i], "name"));
			Objects.requireNonNull(pairs[i + 1], "value");
		}
		return new Headers(pairs);
	}

	/** @return a builder for headers */
	public static Builder builder() {
		return new Builder(8);
	}

	/** @return the number of name/value pairs */
	public int size() {
		return this.pairs.length / 2;
	}

	/** @return true when there is no pair */
	public boolean isEmpty() {
		return this.pairs.length == 0;
	}

	/** @return the lower-case name of pair {@code index} */
	public String name(int index) {
		return this.pairs[index * 2];
	}

	/** @return the value of pair {@code index} */
	public String value(int index) {
		return this.pairs[index * 2 + 1];
	}

	/** @return the first value of the named header, or null */
	public @Nullable String get(String name) {
		for (int i = 0; i < this.pairs.length; i += 2) {
			if (this.pairs[i].equalsIgnoreCase(name)) {
				return this.pairs[i + 1];
			}
		}
		return null;
	}

	/** @return every value of the named header, in order */
	public List<String> getAll(String name) {
		List<String> values = new ArrayList<>(2);
		for (int i = 0; i < this.pairs.length; i += 2) {
			if (this.pairs[i].equalsIgnoreCase(name)) {
				values.add(this.pairs[i + 1]);
			}
		}
		return values;
	}

	/** @return true when the named header is present */
	public boolean contains(String name) {
		return get(name) != null;
	}

	/** Calls {@code action} with each lower-case name and its value, in order. */
	public void forEach(BiConsumer<String, String> action) {
		for (int i = 0; i < this.pairs.length; i += 2) {
			action.accept(this.pairs[i], this.pairs[i + 1]);
		}
	}

	/** @return a copy with one more pair at the end */
	public Headers with(String name, String value) {
		String[] copy = Arrays.copyOf(this.pairs, this.pairs.length + 2);
		copy[this.pairs.length] = lowerCase(name);
		copy[this.pairs.length + 1] = Objects.requireNonNull(value, "value");
		return new Headers(copy);
	}

	/** @return a copy without any pair of that name */
	public Headers without(String name) {
		return toBuilder().remove(name).build();
	}

	/** @return a builder that starts with these pairs */
	public Builder toBuilder() {
		Builder builder = new Builder(this.pairs.length + 8);
		builder.append(this.pairs);
		return builder;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof Headers that) && Arrays.equals(this.pairs, that.pairs);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.pairs);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("Headers[");
		for (int i = 0; i < this.pairs.length; i += 2) {
			text.append((i > 0) ? ", " : "").append(this.pairs[i]).append(": ").append(this.pairs[i + 1]);
		}
		return text.append(']').toString();
	}

	/**
	 * @return true when {@code name} is an RFC 9110 token, the only form a field name may take
	 *     (no spaces, separators, controls or non-ASCII)
	 */
	public static boolean isValidName(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			long mask = (c < 64) ? TOKEN_LOW : TOKEN_HIGH; // a shift by c uses c's low six bits
			if (c > 127 || (mask & (1L << c)) == 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @return true when {@code value} is a latin-1 field value without CR, LF, NUL or other controls
	 *     (tab allowed): what makes response splitting impossible
	 */
	public static boolean isValidValue(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < 32 && c != '\t') || c == 127 || c > 255) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @return the index of the first pair whose name is not a token or whose value fails
	 *     {@link #isValidValue}, or -1 when every pair may be written: the one check every writer of
	 *     response headers, trailers and configured headers makes
	 */
	public int firstInvalid() {
		for (int i = 0; i < this.pairs.length; i += 2) {
			if (!isValidName(this.pairs[i]) || !isValidValue(this.pairs[i + 1])) {
				return i / 2;
			}
		}
		return -1;
	}

	private static String lowerCase(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				char[] chars = name.toCharArray();
				for (int j = i; j < chars.length; j++) {
					if (chars[j] >= 'A' && chars[j] <= 'Z') {
						chars[j] = (char) (chars[j] + ('a' - 'A'));
					}
				}
				return new String(chars);
			}
		}
		return name;
	}

	/** Collects pairs in order; {@link #build()} may be called once or many times. */
	public static final class Builder {

		private String[] pairs;

		private int length;

		private Builder(int capacity) {
			this.pairs = new String[capacity];
		}

		/** Appends a pair; the name is lower-cased. */
		public Builder add(String name, String value) {
			ensure(2);
			this.pairs[this.length++] = lowerCase(Objects.requireNonNull(name, "name"));
			this.pairs[this.length++] = Objects.requireNonNull(value, "value");
			return this;
		}

		/** Replaces every pair of that name with one pair at the end. */
		public Builder set(String name, String value) {
			return remove(name).add(name, value);
		}

		/** Removes every pair of that name. */
		public Builder remove(String name) {
			int kept = 0;
			for (int i = 0; i < this.length; i += 2) {
				if (!this.pairs[i].equalsIgnoreCase(name)) {
					this.pairs[kept++] = this.pairs[i];
					this.pairs[kept++] = this.pairs[i + 1];
				}
			}
			Arrays.fill(this.pairs, kept, this.length, null);
			this.length = kept;
			return this;
		}

		/** Appends all pairs of {@code headers}. */
		public Builder addAll(Headers headers) {
			append(headers.pairs);
			return this;
		}

		/** @return the headers collected so far */
		public Headers build() {
			return new Headers(Arrays.copyOf(this.pairs, this.length));
		}

		private void append(String[] lowerCasePairs) {
			ensure(lowerCasePairs.length);
			System.arraycopy(lowerCasePairs, 0, this.pairs, this.length, lowerCasePairs.length);
			this.length += lowerCasePairs.length;
		}

		private void ensure(int more) {
			if (this.length + more > this.pairs.length) {
				this.pairs = Arrays.copyOf(this.pairs, Math.max(this.pairs.length * 2, this.length + more));
			}
		}
	}
}
