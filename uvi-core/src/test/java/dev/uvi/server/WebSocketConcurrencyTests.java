package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.WebSocketDisconnect;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.WebSocketApps;
import dev.uvi.testing.WebSocketClient;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebSocketConcurrencyTests {

	private static final int CONNECTIONS = 200;

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@Test
	void twoHundredConnectionsEchoAtOnce() throws Exception {
		int port = this.fixture.start(WebSocketApps.echo(new CompletableFuture<WebSocketDisconnect>()));
		HttpClient http = HttpClient.newHttpClient();
		List<WebSocketClient> clients = new ArrayList<>();
		for (int i = 0; i < CONNECTIONS; i++) {
			clients.add(WebSocketClient.open(http, port, "/ws"));
		}
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < CONNECTIONS; i++) {
				clients.get(i).socket().sendText("client " + i + " round " + round, true).get(5, TimeUnit.SECONDS);
			}
			for (int i = 0; i < CONNECTIONS; i++) {
				assertThat(clients.get(i).next()).isEqualTo("text:client " + i + " round " + round);
			}
		}
		for (WebSocketClient client : clients) {
			client.socket().sendClose(1000, "").get(5, TimeUnit.SECONDS);
		}
		for (WebSocketClient client : clients) {
			assertThat(client.closeCode()).isEqualTo(1000);
		}
	}
}
