package dev.uvi.spring.metrics;

import dev.uvi.asgi.HttpScope;
import dev.uvi.server.CompletedRequest;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Spring's {@code DefaultServerRequestObservationConvention}, mirrored without spring-web: the name
 * {@code http.server.requests}, the low-cardinality keys {@code method}, {@code status},
 * {@code outcome}, {@code exception} and {@code uri}, and {@code http.url} as high-cardinality key.
 * {@code uri} is the route template or mount prefix the router matched, else {@code NOT_FOUND},
 * {@code REDIRECTION} or {@code UNKNOWN} as Spring says them: never the raw path.
 */
public class DefaultUviServerRequestObservationConvention implements UviServerRequestObservationConvention {

	/** Spring's observation and meter name. */
	public static final String NAME = "http.server.requests";

	private static final String UNKNOWN = "UNKNOWN";

	private static final int CACHED_COMBINATIONS = 1024;

	/** Any other method is tagged {@code UNKNOWN}, so that a client cannot make up time series. */
	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE", "CONNECT");

	private static final Map<String, String> CONTEXTUAL_NAMES = METHODS.stream()
		.collect(Collectors.toUnmodifiableMap((method) -> method, (method) -> "http " + method.toLowerCase(Locale.ROOT)));

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(UviServerRequestObservationContext context) {
		String method = method(context.getCarrier());
		String name = CONTEXTUAL_NAMES.get(method);
		return (name != null) ? name : "http " + method.toLowerCase(Locale.ROOT);
	}

	/**
	 * Built {@link KeyValues} by their values: {@code KeyValues.of} sorts its pairs on every call, which
	 * was the largest single cost of an observed request. Low-cardinality values repeat by design; the
	 * cache stops growing at {@link #CACHED_COMBINATIONS} all the same.
	 */
	private final Map<LowCardinality, KeyValues> lowCardinality = new ConcurrentHashMap<>();

	private record LowCardinality(String method, String status, String outcome, String exception, String uri) {

		KeyValues keyValues() {
			return KeyValues.of(KeyValue.of("method", this.method), KeyValue.of("status", this.status),
					KeyValue.of("outcome", this.outcome), KeyValue.of("exception", this.exception),
					KeyValue.of("uri", this.uri));
		}
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(UviServerRequestObservationContext context) {
		CompletedRequest request = context.getResponse();
		LowCardinality values = new LowCardinality(method(context.getCarrier()), status(request), outcome(request),
				exception(context, request), uri(request));
		KeyValues cached = this.lowCardinality.get(values);
		if (cached != null) {
			return cached;
		}
		KeyValues built = values.keyValues();
		if (this.lowCardinality.size() < CACHED_COMBINATIONS) {
			this.lowCardinality.putIfAbsent(values, built);
		}
		return built;
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(UviServerRequestObservationContext context) {
		HttpScope scope = context.getCarrier();
		return KeyValues.of("http.url", (scope != null) ? scope.rawPath() : UNKNOWN);
	}

	protected String method(@Nullable HttpScope scope) {
		return (scope != null && METHODS.contains(scope.method())) ? scope.method() : UNKNOWN;
	}

	protected String status(@Nullable CompletedRequest request) {
		return (request != null && request.status() != 0) ? Integer.toString(request.status()) : UNKNOWN;
	}

	/** Spring's {@code HttpOutcome}: by status family; a request the client left before any answer is UNKNOWN. */
	protected String outcome(@Nullable CompletedRequest request) {
		int status = (request != null) ? request.status() : 0;
		if (status >= 100 && status < 200) {
			return "INFORMATIONAL";
		}
		if (status >= 200 && status < 300) {
			return "SUCCESS";
		}
		if (status >= 300 && status < 400) {
			return "REDIRECTION";
		}
		if (status >= 400 && status < 500) {
			return "CLIENT_ERROR";
		}
		return (status >= 500 && status < 600) ? "SERVER_ERROR" : UNKNOWN;
	}

	protected String exception(UviServerRequestObservationContext context, @Nullable CompletedRequest request) {
		Throwable error = (context.getError() != null) ? context.getError() : (request != null) ? request.error() : null;
		if (error == null) {
			return "none";
		}
		String simpleName = error.getClass().getSimpleName();
		return simpleName.isEmpty() ? error.getClass().getName() : simpleName;
	}

	protected String uri(@Nullable CompletedRequest request) {
		if (request == null) {
			return UNKNOWN;
		}
		if (request.route() != null) {
			return request.route();
		}
		if (request.notFound() || request.status() == 404) {
			return "NOT_FOUND";
		}
		return (request.status() >= 300 && request.status() < 400) ? "REDIRECTION" : UNKNOWN;
	}
}
