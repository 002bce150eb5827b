package dev.uvi.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.testing.RawHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * WebSocket paths. The {@code /ws/*} routes are a later issue: until then the router closes every
 * WebSocket before accepting it, which the server turns into an HTTP {@code 403} handshake response.
 */
@SampleAppTest
class WebSocketRoutesTests {

	@Value("${local.uvi.port}")
	int port;

	@Test
	void handshakeOnAnUnroutedPathIsRefusedWith403() throws Exception {
		// starlette/routing.py Router.not_found: WebSocketClose() before accept
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			RawHttpClient.Response response = client.send("GET /ws/echo HTTP/1.1\r\nHost: x\r\n"
					+ "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
					+ "Sec-WebSocket-Version: 13\r\n\r\n").readResponse();

			assertThat(response.status()).isEqualTo(403);
		}
	}
}
