package dev.uvi.sample.http;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.routing.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two API versions mounted at {@code /v1} and {@code /v2}: each is a whole application of its
 * own, routed on the path below its mount, which shows how {@link dev.uvi.routing.Mount} composes apps.
 */
public final class VersionedApi {

	private VersionedApi() {
	}

	/** @return the v1 application: {@code GET /items}, and {@code GET /scope} to show the mounted scope */
	public static AsgiApplication v1(ScopeEndpoint scope) {
		return Router.builder()
			.get("/items", (s, receive, send) -> Json.send(send, 200, List.of(Map.of("version", "v1"))))
			.get("/scope", scope::scope)
			.build();
	}

	/** @return the v2 application: {@code GET /items} with a field v1 lacks */
	public static AsgiApplication v2() {
		return Router.builder().get("/items", (s, receive, send) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("version", "v2");
			item.put("new_field", true);
			return Json.send(send, 200, List.of(item));
		}).build();
	}
}
