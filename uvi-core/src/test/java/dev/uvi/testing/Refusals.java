package dev.uvi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

/**
 * The one assertion every hardening test makes: the server answered these bytes with this status and
 * its fixed body, said {@code connection: close}, closed the socket, and still serves the next client.
 */
public final class Refusals {

	private Refusals() {
	}

	/** Sends {@code request} on a new connection and checks the refusal, then a normal request on another. */
	public static RawHttpClient.Response assertRefused(int port, String request, int status, String body)
			throws IOException {
		RawHttpClient.Response response;
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send(request);
			response = assertRefusal(client, status, body);
		}
		assertStillServing(port);
		return response;
	}

	/** Reads the refusal on an open client and checks it, and that the server closed the socket. */
	public static RawHttpClient.Response assertRefusal(RawHttpClient client, int status, String body)
			throws IOException {
		RawHttpClient.Response response = client.readResponse();
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.bodyText()).isEqualTo(body);
		assertThat(response.header("content-type")).isEqualTo("text/plain; charset=utf-8");
		assertThat(response.header("content-length")).isEqualTo(Integer.toString(body.length()));
		assertThat(response.header("connection")).isEqualTo("close");
		assertThat(client.isClosedByServer()).as("closed by the server").isTrue();
		return response;
	}

	/** A well-formed request on a new connection gets a 200. */
	public static void assertStillServing(int port) throws IOException {
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			client.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
			assertThat(client.readResponse().status()).isEqualTo(200);
		}
	}
}
