package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponsePathSend;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.HttpResponseTrailers;
import dev.uvi.asgi.HttpScope;
import dev.uvi.testing.RawHttpClient;
import dev.uvi.testing.ServerFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The {@code http.response.trailers} and {@code http.response.pathsend} extensions (beyond uvicorn 0.51). */
class TrailersAndFileTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@TempDir
	Path dir;

	@Test
	void trailersFollowAChunkedBodyOnHttp11() throws Exception {
		int port = this.fixture.start((scope, receive, send) -> (scope instanceof HttpScope)
				? send.send(new HttpResponseStart(200, Headers.of("content-length", "5"), true))
					.thenCompose((v) -> send.send(HttpResponseBody.last("hello".getBytes(StandardCharsets.UTF_8))))
					.thenCompose((v) -> send.send(new HttpResponseTrailers(Headers.of("x-checksum", "abc"), false)))
				: CompletableFuture.failedFuture(new IllegalStateException("no lifespan")));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			String all = client.send("GET / HTTP/1.1\r\nHost: x\r\nTE: trailers\r\nConnection: close\r\n\r\n")
				.readUntilClosed();
			assertThat(all).contains("transfer-encoding: chunked").doesNotContain("content-length")
				.endsWith("5\r\nhello\r\n0\r\nx-checksum: abc\r\n\r\n");
		}
	}

	@Test
	void pathsendSendsTheWholeFileWithItsLength() throws Exception {
		Path file = Files.writeString(this.dir.resolve("data.txt"), "0123456789".repeat(1000));
		int port = this.fixture.start((scope, receive, send) -> (scope instanceof HttpScope)
				? send.send(HttpResponseStart.of(200, Headers.of("content-type", "text/plain")))
					.thenCompose((v) -> send.send(new HttpResponsePathSend(file.toString())))
				: CompletableFuture.failedFuture(new IllegalStateException("no lifespan")));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			RawHttpClient.Response response = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			assertThat(response.header("content-length")).isEqualTo("10000");
			assertThat(response.bodyText()).isEqualTo("0123456789".repeat(1000));
			RawHttpClient.Response head = client.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n").readHeadResponse();
			assertThat(head.header("content-length")).isEqualTo("10000");
			assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().body()).hasSize(10000);
		}
	}

	@Test
	void pathsendOfAMissingFileClosesTheConnection() throws Exception {
		int port = this.fixture.start((scope, receive, send) -> (scope instanceof HttpScope)
				? send.send(HttpResponseStart.of(200, Headers.empty()))
					.thenCompose((v) -> send.send(new HttpResponsePathSend(this.dir.resolve("missing").toString())))
				: CompletableFuture.failedFuture(new IllegalStateException("no lifespan")));
		try (RawHttpClient client = RawHttpClient.connect(port)) {
			assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readUntilClosed()).doesNotContain("200");
		}
	}
}
