package dev.uvi.sample.http;

/** The bytes {@code 0123456789} repeated, at any offset, which lets a client check a large body without storing it. */
final class DigitPattern {

	private DigitPattern() {
	}

	/** @return {@code length} bytes of the pattern starting at byte {@code offset} of the whole body */
	static byte[] bytes(long offset, int length) {
		byte[] bytes = new byte[length];
		int digit = (int) (offset % 10);
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) ('0' + digit);
			digit = (digit == 9) ? 0 : digit + 1;
		}
		return bytes;
	}
}
