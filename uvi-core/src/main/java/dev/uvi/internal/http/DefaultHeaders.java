package dev.uvi.internal.http;

import dev.uvi.server.UviConfig;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.Date;

/**
 * The headers the server puts on every response, in uvicorn's order: {@code date}, {@code server},
 * then the configured ones (and {@code connection: close} while the server drains). The date string is formatted at most once a second, as uvicorn's tick
 * does, so a busy server does not format a date per response.
 */
final class DefaultHeaders {

	private static final AsciiString SERVER_VALUE = AsciiString.cached("uvi");

	private final boolean date;

	private final boolean server;

	private final AsciiString[] extra;

	private volatile CachedDate cachedDate = new CachedDate(-1, AsciiString.EMPTY_STRING);

	/** During a graceful shutdown every response says {@code connection: close}. */
	private volatile boolean draining;

	DefaultHeaders(UviConfig config) {
		this.date = config.dateHeader();
		// A configured `server` header replaces the default one, as uvicorn's --header Server:X does.
		this.server = config.serverHeader() && !config.headers().contains("server");
		this.extra = new AsciiString[config.headers().size() * 2];
		for (int i = 0; i < config.headers().size(); i++) {
			this.extra[i * 2] = AsciiString.of(config.headers().name(i));
			this.extra[i * 2 + 1] = AsciiString.of(config.headers().value(i));
		}
	}

	/** Adds the default headers to {@code headers}, before anything the application sets. */
	void addTo(HttpHeaders headers) {
		if (this.date) {
			headers.add(HttpHeaderNames.DATE, currentDate());
		}
		if (this.server) {
			headers.add(HttpHeaderNames.SERVER, SERVER_VALUE);
		}
		for (int i = 0; i < this.extra.length; i += 2) {
			headers.add(this.extra[i], this.extra[i + 1]);
		}
		if (this.draining) {
			headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		}
	}

	/** From now on, responses ask the client to close: the server is shutting down. */
	void drain() {
		this.draining = true;
	}

	private AsciiString currentDate() {
		long now = System.currentTimeMillis();
		long second = now / 1000;
		CachedDate cached = this.cachedDate;
		if (cached.second != second) {
			cached = new CachedDate(second, AsciiString.of(DateFormatter.format(new Date(second * 1000))));
			this.cachedDate = cached;
		}
		return cached.value;
	}

	private record CachedDate(long second, AsciiString value) {
	}
}
