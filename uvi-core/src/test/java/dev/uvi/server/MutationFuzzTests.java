package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.HttpRequest;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.WebSocketClose;
import dev.uvi.asgi.WebSocketScope;
import dev.uvi.testing.LogCapture;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.Refusals;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bounded, seeded mutation fuzz: valid requests with bytes flipped, inserted, deleted or
 * duplicated, each on its own connection. Whatever the server answers, it is never a 5xx other than
 * the fixed 503, every connection ends within the read timeout, and the server still serves after.
 */
class MutationFuzzTests {

	private static final long SEED = Long.getLong("uvi.fuzz.seed", 20240505L);

	private static final int REQUESTS = 3000;

	private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ");

	private static final String[] VALID = { "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
			"GET /a%2Fb?x=1&y=2 HTTP/1.1\r\nHost: localhost:8000\r\nAccept: */*\r\nX-Forwarded-For: 1.2.3.4\r\n\r\n",
			"POST /submit HTTP/1.1\r\nHost: localhost\r\nContent-Length: 11\r\nContent-Type: text/plain\r\n\r\nhello world",
			"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
			"GET / HTTP/1.0\r\n\r\n",
			"OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
			"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n" };

	private static final byte[] INTERESTING = " \t\r\n:;,\u0000\u007f\u00ff/?%\"0-".getBytes(StandardCharsets.ISO_8859_1);

	/** Reads any body and answers 200; refuses WebSocket handshakes (403): its own errors are not the server's. */
	private static final AsgiApplication FUZZ_TARGET = (scope, receive, send) -> {
		if (scope instanceof WebSocketScope) {
			return send.send(WebSocketClose.of());
		}
		if (!(scope instanceof HttpScope)) {
			return CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
		}
		return drain(receive).thenCompose((complete) -> complete ? TestApps.sendText(send, 200, "ok")
				: CompletableFuture.<Void>completedFuture(null));
	};

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	/** reactor-netty logs here when it answers a decoding failure itself: every refusal must be uvi's. */
	@RegisterExtension
	final LogCapture reactorNetty = new LogCapture("reactor.netty.http.server.HttpServerOperations");

	@Test
	void mutatedRequestsNeverGetA5xxNorHangTheServer() throws Exception {
		int port = this.fixture.start(FUZZ_TARGET, (builder) -> builder.limitConcurrency(64)
			.timeoutRequestHeader(Duration.ofMillis(300)).timeoutKeepAlive(Duration.ofMillis(300))
			.maxRequestBodySize(1024).accessLog(false));
		Random random = new Random(SEED);
		for (int i = 0; i < REQUESTS; i++) {
			byte[] request = mutate(VALID[random.nextInt(VALID.length)].getBytes(StandardCharsets.ISO_8859_1), random);
			String answer = exchange(port, request);
			Matcher status = STATUS.matcher(answer);
			while (status.find()) {
				int code = Integer.parseInt(status.group(1));
				assertThat(code < 500 || answer.contains("\r\n\r\nService Unavailable"))
					.as("request %d %s answered %s", i, new String(request, StandardCharsets.ISO_8859_1), answer)
					.isTrue();
				status = STATUS.matcher(answer.substring(status.end()));
			}
		}
		Refusals.assertStillServing(port);
		assertThat(this.reactorNetty.messages()).noneMatch((message) -> message.contains("Decoding failed"));
	}

	/** Sends the bytes and reads until the server closes (the short timeouts close every connection). */
	private static String exchange(int port, byte[] request) throws IOException {
		try (RawHttpClient client = RawHttpClient.connect(port, Duration.ofSeconds(5))) {
			try {
				client.send(request);
				client.socket().shutdownOutput();
			}
			catch (IOException ex) {
				// the server may have refused and closed before everything was written
			}
			return client.readUntilClosed();
		}
	}

	private static CompletionStage<Boolean> drain(Receive receive) {
		return receive.receive().thenCompose((message) -> (message instanceof HttpRequest chunk)
				? (chunk.moreBody() ? drain(receive) : CompletableFuture.completedFuture(true))
				: CompletableFuture.completedFuture(false));
	}

	private static byte[] mutate(byte[] valid, Random random) {
		byte[] bytes = valid;
		int mutations = 1 + random.nextInt(3);
		for (int m = 0; m < mutations; m++) {
			int at = random.nextInt(bytes.length);
			byte value = (random.nextBoolean()) ? INTERESTING[random.nextInt(INTERESTING.length)]
					: (byte) random.nextInt(256);
			switch (random.nextInt(4)) {
				case 0 -> bytes[at] = value;
				case 1 -> bytes = insert(bytes, at, new byte[] { value });
				case 2 -> bytes = delete(bytes, at);
				default -> bytes = insert(bytes, at, java.util.Arrays.copyOfRange(bytes, at,
						Math.min(bytes.length, at + 1 + random.nextInt(16))));
			}
		}
		return bytes;
	}

	private static byte[] insert(byte[] bytes, int at, byte[] extra) {
		byte[] result = new byte[bytes.length + extra.length];
		System.arraycopy(bytes, 0, result, 0, at);
		System.arraycopy(extra, 0, result, at, extra.length);
		System.arraycopy(bytes, at, result, at + extra.length, bytes.length - at);
		return result;
	}

	private static byte[] delete(byte[] bytes, int at) {
		if (bytes.length <= 1) {
			return bytes;
		}
		byte[] result = new byte[bytes.length - 1];
		System.arraycopy(bytes, 0, result, 0, at);
		System.arraycopy(bytes, at + 1, result, at, bytes.length - at - 1);
		return result;
	}
}
