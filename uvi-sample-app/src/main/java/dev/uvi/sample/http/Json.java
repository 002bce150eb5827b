package dev.uvi.sample.http;

import dev.uvi.asgi.Send;
import dev.uvi.http.Responses;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.json.JsonMapper;

/** JSON responses for the sample: Jackson serialises, core's {@link Responses} sends (core has no JSON library). */
final class Json {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private Json() {
	}

	static CompletionStage<Void> send(Send send, int status, Object value) {
		return Responses.json(send, status, mapper.writeValueAsBytes(value));
	}
}
