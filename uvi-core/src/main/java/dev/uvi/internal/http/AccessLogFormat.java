package dev.uvi.internal.http;

import dev.uvi.asgi.ConnectionScope;
import dev.uvi.server.CompletedRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A Gunicorn-style access-log format ({@code %(h)s %(r)s %(s)s %(D)s}, {@code %({user-agent}i)s}),
 * compiled once into a list of appenders so that a request costs one pass and no parsing. uvicorn's
 * own fields are atoms too, which is how the default reproduces its line. An unknown atom is refused
 * when the format is compiled, naming it.
 */
public final class AccessLogFormat {

	/** uvicorn's line: {@code 127.0.0.1:50000 - "GET / HTTP/1.1" 200 OK}. */
	public static final String UVICORN = "%(client_addr)s - \"%(request_line)s\" %(status_code)s";

	static final String ATOMS = "h, l, u, t, r, m, U, q, H, s, B, b, f, a, T, D, M, L, p, {header}i, {header}o, "
			+ "client_addr, request_line, status_code";

	/** Apache's {@code %t}: {@code [10/Oct/2000:13:55:36 +0000]}. */
	private static final DateTimeFormatter CLF_TIME = DateTimeFormatter
		.ofPattern("'['dd/MMM/yyyy:HH:mm:ss Z']'", Locale.ROOT).withZone(ZoneId.systemDefault());

	private static final String PID = "<" + ProcessHandle.current().pid() + ">";

	/** Appends one piece of the line. */
	@FunctionalInterface
	private interface Appender {

		void append(StringBuilder line, CompletedRequest request);
	}

	private final List<Appender> appenders;

	private AccessLogFormat(List<Appender> appenders) {
		this.appenders = List.copyOf(appenders);
	}

	/**
	 * @param format literal text with {@code %(atom)s} placeholders; {@code %%} is a literal {@code %}
	 * @throws IllegalArgumentException naming the property and the unknown or malformed atom
	 */
	public static AccessLogFormat compile(String format) {
		List<Appender> appenders = new ArrayList<>();
		StringBuilder literal = new StringBuilder();
		int i = 0;
		while (i < format.length()) {
			char c = format.charAt(i);
			if (c == '%' && format.startsWith("%%", i)) {
				literal.append('%');
				i += 2;
			}
			else if (c == '%' && format.startsWith("%(", i)) {
				int close = format.indexOf(")s", i + 2);
				if (close < 0) {
					throw invalid("'" + format.substring(i) + "'", "an atom of the form %(name)s");
				}
				if (!literal.isEmpty()) {
					String text = literal.toString();
					appenders.add((line, request) -> line.append(text));
					literal.setLength(0);
				}
				appenders.add(atom(format.substring(i + 2, close)));
				i = close + 2;
			}
			else {
				literal.append(c);
				i++;
			}
		}
		if (!literal.isEmpty()) {
			String text = literal.toString();
			appenders.add((line, request) -> line.append(text));
		}
		return new AccessLogFormat(appenders);
	}

	/** @return the line for this request */
	String format(CompletedRequest request) {
		StringBuilder line = new StringBuilder(128);
		for (Appender appender : this.appenders) {
			appender.append(line, request);
		}
		return line.toString();
	}

	private static Appender atom(String name) {
		if (name.length() > 3 && name.startsWith("{") && name.endsWith("}i")) {
			String header = name.substring(1, name.length() - 2).toLowerCase(Locale.ROOT);
			return (line, request) -> line.append(orDash(request.scope().headers().get(header)));
		}
		if (name.length() > 3 && name.startsWith("{") && name.endsWith("}o")) {
			String header = name.substring(1, name.length() - 2).toLowerCase(Locale.ROOT);
			return (line, request) -> line.append(orDash(request.responseHeaders().get(header)));
		}
		return switch (name) {
			case "h" -> (line, request) -> line.append(clientHost(request.scope()));
			case "l", "u" -> (line, request) -> line.append('-');
			case "t" -> (line, request) -> line.append(CLF_TIME.format(Instant.now()
				.minusNanos(request.durationNanos())));
			case "r", "request_line" -> (line, request) -> requestLine(line, request);
			case "m" -> (line, request) -> line.append(request.scope().method());
			case "U" -> (line, request) -> line.append(request.scope().rawPath());
			case "q" -> (line, request) -> line.append(request.scope().queryString());
			case "H" -> (line, request) -> line.append("HTTP/").append(request.scope().httpVersion());
			case "s" -> (line, request) -> line.append(request.status());
			case "B" -> (line, request) -> line.append(request.responseBytes());
			case "b" -> (line, request) -> line.append((request.responseBytes() > 0) ? request.responseBytes() : "-");
			case "f" -> (line, request) -> line.append(orDash(request.scope().headers().get("referer")));
			case "a" -> (line, request) -> line.append(orDash(request.scope().headers().get("user-agent")));
			case "T" -> (line, request) -> line.append(TimeUnit.NANOSECONDS.toSeconds(request.durationNanos()));
			case "D" -> (line, request) -> line.append(TimeUnit.NANOSECONDS.toMicros(request.durationNanos()));
			case "M" -> (line, request) -> line.append(TimeUnit.NANOSECONDS.toMillis(request.durationNanos()));
			case "L" -> (line, request) -> line.append(String.format(Locale.ROOT, "%.6f",
					request.durationNanos() / 1e9));
			case "p" -> (line, request) -> line.append(PID);
			case "client_addr" -> (line, request) -> line.append(clientAddress(request.scope()));
			case "status_code" -> (line, request) -> statusCode(line, request.status());
			default -> throw invalid("'%(" + name + ")s'", "an atom of " + ATOMS);
		};
	}

	/** uvicorn's request line: method, the target as sent, the protocol. */
	private static void requestLine(StringBuilder line, CompletedRequest request) {
		ConnectionScope scope = request.scope();
		line.append(request.scope().method()).append(' ').append(scope.rawPath());
		if (!scope.queryString().isEmpty()) {
			line.append('?').append(scope.queryString());
		}
		line.append(" HTTP/").append(scope.httpVersion());
	}

	/** uvicorn appends the reason phrase: {@code 200 OK}. */
	static void statusCode(StringBuilder line, int status) {
		line.append(status);
		String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
		if (!reason.isEmpty()) {
			line.append(' ').append(reason);
		}
	}

	/** uvicorn's {@code client_addr}: {@code host:port}, or {@code -} when unknown. */
	static String clientAddress(ConnectionScope scope) {
		return (scope.client() != null) ? scope.client().toString() : "-";
	}

	private static String clientHost(ConnectionScope scope) {
		return (scope.client() != null) ? scope.client().host() : "-";
	}

	private static String orDash(@Nullable String value) {
		return (value != null && !value.isEmpty()) ? value : "-";
	}

	private static IllegalArgumentException invalid(String value, String expected) {
		return new IllegalArgumentException("access-log-format: " + value + " (expected: " + expected + ")");
	}
}
