package dev.uvi.sample.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The doubling copies give exactly the pattern, from any offset, for any length (edges of the period included). */
class DigitPatternTests {

	@Test
	void everyOffsetAndLengthGivesThePattern() {
		for (long offset : new long[] { 0, 1, 9, 10, 13, 65_536, 1_048_575 }) {
			for (int length : new int[] { 0, 1, 9, 10, 11, 19, 20, 21, 39, 41, 65_536, 100_003 }) {
				byte[] bytes = DigitPattern.bytes(offset, length);
				assertThat(bytes).as("offset %d, length %d", offset, length).hasSize(length);
				for (int i = 0; i < length; i++) {
					if (bytes[i] != (byte) ('0' + (offset + i) % 10)) {
						throw new AssertionError("offset " + offset + ", length " + length + ": byte " + i + " is "
								+ (char) bytes[i]);
					}
				}
			}
		}
	}
}
