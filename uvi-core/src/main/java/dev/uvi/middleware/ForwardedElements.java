package dev.uvi.middleware;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The RFC 7239 {@code Forwarded} header as a list of elements (one per proxy, oldest first), each a
 * map of lower-case parameter names ({@code for}, {@code proto}, {@code host}, {@code by}) to
 * unquoted values. Commas and semicolons inside quoted strings do not split.
 */
final class ForwardedElements {

	private ForwardedElements() {
	}

	/** @param fields every {@code Forwarded} field of the request, in order */
	static List<Map<String, String>> parse(List<String> fields) {
		List<Map<String, String>> elements = new ArrayList<>();
		for (String field : fields) {
			for (String element : split(field, ',')) {
				Map<String, String> pairs = new HashMap<>();
				for (String pair : split(element, ';')) {
					int equals = pair.indexOf('=');
					if (equals > 0) {
						pairs.put(pair.substring(0, equals).strip().toLowerCase(Locale.ROOT),
								unquote(pair.substring(equals + 1).strip()));
					}
				}
				elements.add(pairs);
			}
		}
		return elements;
	}

	private static List<String> split(String text, char separator) {
		List<String> parts = new ArrayList<>();
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == '\\' && quoted) {
				i++;
			}
			else if (c == separator && !quoted) {
				parts.add(text.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(text.substring(start));
		return parts;
	}

	private static String unquote(String value) {
		if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
			return value;
		}
		StringBuilder plain = new StringBuilder(value.length());
		for (int i = 1; i < value.length() - 1; i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length() - 1) {
				c = value.charAt(++i);
			}
			plain.append(c);
		}
		return plain.toString();
	}
}
