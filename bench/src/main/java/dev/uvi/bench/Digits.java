package dev.uvi.bench;

/**
 * The bytes {@code 0123456789} repeated, as the sample app's {@code /download} produces them. The peers
 * build every chunk afresh, as the sample does, so the comparison measures the servers and not a cache.
 */
public final class Digits {

	/** Bytes per chunk, the sample app's {@code DownloadEndpoint.CHUNK_SIZE}. */
	public static final int CHUNK_SIZE = 64 * 1024;

	private Digits() {
	}

	/**
	 * @return {@code length} bytes of the pattern starting at byte {@code offset} of the whole body:
	 *     one period written, then doubled by array copies, as Python's {@code bytes * n} does. A byte
	 *     loop here took a third of a 1 MiB download's CPU, so the benchmark measured it, not the server.
	 */
	public static byte[] bytes(long offset, int length) {
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

	/** @return the {@code size} query parameter of {@code uri}, or 1 MiB when there is none */
	public static long sizeParameter(String uri) {
		int at = uri.indexOf("size=");
		if (at < 0) {
			return 1024 * 1024;
		}
		int end = uri.indexOf('&', at);
		return Long.parseLong(uri.substring(at + 5, (end < 0) ? uri.length() : end));
	}
}
