package dev.uvi.asgi;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Value semantics for the byte arrays that message records carry: by content, printed by length only. */
final class Bodies {

	static final byte[] EMPTY = new byte[0];

	private Bodies() {
	}

	static boolean equal(byte @Nullable [] a, byte @Nullable [] b) {
		return Arrays.equals(a, b);
	}

	static int hash(byte @Nullable [] body) {
		return Arrays.hashCode(body);
	}

	/** Never the bytes themselves: bodies must not end up in logs. */
	static String describe(byte @Nullable [] body) {
		return (body != null) ? "<" + body.length + " bytes>" : "null";
	}
}
