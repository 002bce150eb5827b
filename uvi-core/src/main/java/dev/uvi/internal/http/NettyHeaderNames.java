package dev.uvi.internal.http;

import io.netty.handler.codec.http.HttpHeaderNames;

/**
 * Netty's own {@code AsciiString} for the response header names applications send most. Netty hashes
 * and validates a header name on every {@code add} and copies it into the encoded head: an
 * {@code AsciiString} has its hash cached and is copied as bytes, a {@code String} is hashed and copied
 * char by char. The switch costs the name's cached {@code String} hash and one {@code equals}.
 */
final class NettyHeaderNames {

	private NettyHeaderNames() {
	}

	/** @return Netty's constant for this lower-case name, or the name itself */
	static CharSequence of(String name) {
		return switch (name) {
			case "content-type" -> HttpHeaderNames.CONTENT_TYPE;
			case "content-length" -> HttpHeaderNames.CONTENT_LENGTH;
			case "cache-control" -> HttpHeaderNames.CACHE_CONTROL;
			case "connection" -> HttpHeaderNames.CONNECTION;
			case "content-encoding" -> HttpHeaderNames.CONTENT_ENCODING;
			case "location" -> HttpHeaderNames.LOCATION;
			case "set-cookie" -> HttpHeaderNames.SET_COOKIE;
			case "vary" -> HttpHeaderNames.VARY;
			case "etag" -> HttpHeaderNames.ETAG;
			case "last-modified" -> HttpHeaderNames.LAST_MODIFIED;
			case "allow" -> HttpHeaderNames.ALLOW;
			case "transfer-encoding" -> HttpHeaderNames.TRANSFER_ENCODING;
			default -> name;
		};
	}
}
