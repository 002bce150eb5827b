package dev.uvi.internal.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The RFC 9112 rules a request head must follow that Netty's decoder does not enforce: HTTP/1.0 or
 * 1.1 only, a request target of visible ASCII in a form the method allows, exactly one valid
 * {@code Host} in HTTP/1.1, and a {@code Transfer-Encoding} that is exactly {@code chunked} (anything
 * else would leave the body's end unknown: the way to request smuggling). Netty already refuses bad
 * method tokens, header lines without a colon or with whitespace before it, control characters in
 * values, bare LF, malformed or conflicting {@code Content-Length}s and {@code Content-Length} with
 * {@code Transfer-Encoding}.
 */
public final class RequestHeadRules {

	private RequestHeadRules() {
	}

	/** @return null when the head may be served, else why it is refused (logged at debug) */
	static @Nullable String violation(HttpRequest request) {
		HttpVersion version = request.protocolVersion();
		if (!"HTTP".equals(version.protocolName()) || version.majorVersion() != 1 || version.minorVersion() > 1) {
			return "unsupported HTTP version " + version.text();
		}
		String target = request.uri();
		if (!isVisibleAscii(target) || !isAllowedForm(request.method(), target)) {
			return "invalid request target";
		}
		HttpHeaders headers = request.headers();
		List<String> hosts = headers.getAll(HttpHeaderNames.HOST);
		if (hosts.size() > 1) {
			return "more than one Host header";
		}
		if (hosts.isEmpty() && version.minorVersion() == 1) {
			return "HTTP/1.1 request without a Host header";
		}
		if (!hosts.isEmpty() && !isValidHost(hosts.get(0))) {
			return "invalid Host header";
		}
		List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
		if (!codings.isEmpty() && (codings.size() > 1 || !"chunked".equalsIgnoreCase(codings.get(0).trim()))) {
			return "Transfer-Encoding other than a single chunked";
		}
		return null;
	}

	/**
	 * RFC 9112 §6.3: chunked wins, then content-length; neither means no body. The guard and the
	 * bridge (which also serves HTTP/2, where no guard runs) both frame the body by it.
	 * @return the declared length, -1 for chunked (or an unreadable length), 0 for no body
	 */
	static long bodyLength(HttpHeaders headers) {
		if (headers.containsValue(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED, true)) {
			return -1;
		}
		String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
		if (length == null) {
			return 0;
		}
		try {
			return Long.parseLong(length.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** RFC 9112 §3.2: origin-form, absolute-form, authority-form for CONNECT, asterisk-form for OPTIONS. */
	private static boolean isAllowedForm(HttpMethod method, String target) {
		if (target.startsWith("/")) {
			return true;
		}
		if (target.equals("*")) {
			return HttpMethod.OPTIONS.equals(method);
		}
		if (HttpMethod.CONNECT.equals(method)) {
			return isValidHost(target);
		}
		int scheme = target.indexOf("://");
		return scheme > 0 && allMatch(target, 0, scheme, (c) -> Character.isLetterOrDigit(c)
				|| c == '+' || c == '-' || c == '.');
	}

	private static boolean isVisibleAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c <= 0x20 || c >= 0x7f) {
				return false;
			}
		}
		return !text.isEmpty();
	}

	/**
	 * RFC 9110 §7.2: {@code uri-host [":" port]}, where the host is a bracketed IP literal or a
	 * reg-name (letters, digits, {@code -._~!$&'()*+,;=} and percent escapes), and a port of
	 * 0-65535. Empty is allowed: a client whose target has no authority sends an empty Host.
	 */
	public static boolean isValidHost(String value) {
		String host = value;
		int portStart;
		if (host.startsWith("[")) {
			int close = host.indexOf(']');
			if (close < 0 || !allMatch(host, 1, close, (c) -> isHexDigit(c) || c == ':' || c == '.')) {
				return false;
			}
			portStart = close + 1;
			if (portStart < host.length() && host.charAt(portStart) != ':') {
				return false;
			}
		}
		else {
			portStart = host.indexOf(':');
			if (!allMatch(host, 0, (portStart < 0) ? host.length() : portStart, RequestHeadRules::isRegNameChar)) {
				return false;
			}
			if (portStart < 0) {
				return true;
			}
		}
		if (portStart >= host.length()) {
			return true; // a bracketed literal without a port
		}
		// RFC 3986 allows an empty port, but reactor-netty cannot parse one: refused as well
		int digits = host.length() - portStart - 1;
		return digits > 0 && digits <= 5 && allMatch(host, portStart + 1, host.length(), (c) -> c >= '0' && c <= '9')
				&& Integer.parseInt(host, portStart + 1, host.length(), 10) <= 65535;
	}

	/** A loop, not {@code chars().allMatch}: this runs for every request's Host and target. */
	private static boolean allMatch(String text, int from, int to, IntPredicate test) {
		for (int i = from; i < to; i++) {
			if (!test.test(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isRegNameChar(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
				|| "_~!$&'()*+,;=%".indexOf(c) >= 0;
	}

	private static boolean isHexDigit(int c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}
}
