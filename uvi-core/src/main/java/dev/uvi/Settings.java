package dev.uvi;

import dev.uvi.asgi.Headers;
import dev.uvi.server.Http2Config;
import dev.uvi.server.ProxyHeadersConfig;
import dev.uvi.server.TlsConfig;
import dev.uvi.server.UviConfig;
import dev.uvi.server.WebSocketConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the flags write into: a {@link UviConfig.Builder}, plus the values the builder only takes whole
 * (the WebSocket, HTTP/2, proxy-header and TLS settings and the extra headers, which several flags
 * build up), and the runner's own {@code --factory}.
 */
final class Settings {

	final UviConfig.Builder config = UviConfig.builder();

	WebSocketConfig ws = WebSocketConfig.defaults();

	Http2Config http2 = Http2Config.defaults();

	ProxyHeadersConfig proxy = ProxyHeadersConfig.defaults();

	Headers headers = Headers.empty();

	boolean factory;

	@Nullable Path sslCertfile;

	@Nullable Path sslKeyfile;

	@Nullable String sslKeyfilePassword;

	@Nullable Path sslCaCerts;

	TlsConfig.ClientAuth sslCertReqs = TlsConfig.ClientAuth.NONE;

	/** uvicorn's {@code --header} form, split on the first colon; the value is trimmed (as the starter does). */
	void addHeader(String header) {
		int colon = header.indexOf(':');
		if (colon < 0) {
			throw new IllegalArgumentException("(expected: 'Name: Value')");
		}
		Headers headers = this.headers.with(header.substring(0, colon), header.substring(colon + 1).strip());
		this.config.headers(headers);
		this.headers = headers;
	}

	void wsMaxQueue(int maxQueue) {
		WebSocketConfig ws = this.ws;
		this.ws = new WebSocketConfig(ws.enabled(), ws.maxSize(), maxQueue, ws.pingInterval(), ws.pingTimeout(),
				ws.perMessageDeflate());
	}

	void wsPerMessageDeflate(boolean deflate) {
		WebSocketConfig ws = this.ws;
		this.ws = new WebSocketConfig(ws.enabled(), ws.maxSize(), ws.maxQueue(), ws.pingInterval(), ws.pingTimeout(),
				deflate);
	}

	void proxy(boolean enabled, List<String> allowIps, boolean forwardedHost, boolean forwarded) {
		this.proxy = new ProxyHeadersConfig(enabled, allowIps, forwardedHost, forwarded);
	}

	/** uvicorn's {@code --ssl-cert-reqs}: its numbers 0, 1, 2 or the names none, optional, required. */
	void sslCertReqs(String value) {
		List<String> numbers = List.of("0", "1", "2");
		this.sslCertReqs = numbers.contains(value) ? TlsConfig.ClientAuth.values()[numbers.indexOf(value)]
				: TlsConfig.ClientAuth.valueOf(value.toUpperCase(Locale.ROOT));
	}

	/** @throws IllegalArgumentException for a combination that does not work, saying how to fix it */
	UviConfig build() {
		if (this.sslCertfile != null || this.sslKeyfile != null) {
			if (this.sslCertfile == null || this.sslKeyfile == null) {
				String missing = (this.sslCertfile == null) ? "--ssl-certfile" : "--ssl-keyfile";
				throw new IllegalArgumentException(missing + ": missing (expected: --ssl-certfile and --ssl-keyfile"
						+ " together)");
			}
			this.config.tls(TlsConfig.pem(this.sslCertfile, this.sslKeyfile, this.sslKeyfilePassword)
				.withClientAuth(this.sslCertReqs, this.sslCaCerts));
		}
		return this.config.ws(this.ws).http2(this.http2).proxyHeaders(this.proxy).build();
	}
}
