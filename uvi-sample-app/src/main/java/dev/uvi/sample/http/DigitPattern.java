package dev.uvi.sample.http;

/** The bytes {@code 0123456789} repeated, at any offset, which lets a client check a large body without storing it. */
final class DigitPattern {

	private DigitPattern() {
	}

	/**
	 * @return {@code length} bytes of the pattern starting at byte {@code offset} of the whole body:
	 *     one period written, then doubled by array copies, as Python's {@code bytes * n} does. A byte
	 *     loop here took a third of a 1 MiB download's CPU, so the benchmark measured it, not the server.
	 */
	static byte[] bytes(long offset, int length) {
		byte[] bytes = new byte[length];
		int first = (int) (offset % 10);
		int period = Math.min(10, length);
		for (int i = 0; i < period; i++) {
			bytes[i] = (byte) ('0' + (first + i) % 10);
		}
		for (int filled = period; filled < length; filled *= 2) { // filled stays a multiple of the period
			System.arraycopy(bytes, 0, bytes, filled, Math.min(filled, length - filled));
		}
		return bytes;
	}
}
