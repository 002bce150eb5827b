package dev.uvi.sample.e2e;

import java.io.IOException;
import java.io.InputStream;

/** Checks a {@code /download} body as it streams in, without holding it: {@code 0123456789} repeated. */
final class Pattern {

	private Pattern() {
	}

	/**
	 * @return the number of bytes read until end of stream
	 * @throws AssertionError at the first byte off the pattern
	 */
	static long check(InputStream in) throws IOException {
		return check(in, Long.MAX_VALUE);
	}

	/** Like {@link #check(InputStream)}, stopping after {@code length} bytes. */
	static long check(InputStream in, long length) throws IOException {
		byte[] buffer = new byte[256 * 1024];
		long offset = 0;
		while (offset < length) {
			int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - offset));
			if (n == -1) {
				break;
			}
			for (int i = 0; i < n; i++) {
				if (buffer[i] != '0' + (offset + i) % 10) {
					throw new AssertionError("byte " + (offset + i) + " is '" + (char) buffer[i] + "' (expected: '"
							+ (char) ('0' + (offset + i) % 10) + "')");
				}
			}
			offset += n;
		}
		return offset;
	}
}
