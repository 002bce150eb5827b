package dev.uvi.sample.http;

import dev.uvi.asgi.Address;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /scope}: the request scope as JSON with ASGI's names, so tests and curious users see what
 * the server (and any mount in between) told the application.
 */
public class ScopeEndpoint {

	/** Answers the scope JSON: {@code type, http_version, method, …, client, server}. */
	public CompletionStage<Void> scope(Scope scope, Receive receive, Send send) {
		return Json.send(send, 200, describe((HttpScope) scope));
	}

	static Map<String, @Nullable Object> describe(HttpScope scope) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("type", scope.type());
		json.put("http_version", scope.httpVersion());
		json.put("method", scope.method());
		json.put("scheme", scope.scheme());
		json.put("path", scope.path());
		json.put("raw_path", scope.rawPath());
		json.put("root_path", scope.rootPath());
		json.put("query_string", scope.queryString());
		List<List<String>> headers = new ArrayList<>(scope.headers().size());
		scope.headers().forEach((name, value) -> headers.add(List.of(name, value)));
		json.put("headers", headers);
		json.put("client", address(scope.client()));
		json.put("server", address(scope.server()));
		return json;
	}

	/** {@code [host, port]}, or {@code [path, null]} for a unix socket, as ASGI has it. */
	private static @Nullable List<@Nullable Object> address(@Nullable Address address) {
		return (address != null) ? Arrays.asList(address.host(), address.port()) : null;
	}
}
