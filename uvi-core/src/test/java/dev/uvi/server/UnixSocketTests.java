package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.HttpScope;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import io.netty.channel.unix.DomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.http.client.HttpClient;

// uvicorn --uds
class UnixSocketTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@TempDir
	Path dir;

	@Test
	void servesOnAUnixSocketWithUvicornsScopeAndFileHandling() throws Exception {
		Path socket = this.dir.resolve("app.sock");
		Files.writeString(socket, "stale");
		CompletableFuture<HttpScope> seen = new CompletableFuture<>();
		this.fixture.start((scope, receive, send) -> {
			if (!(scope instanceof HttpScope http)) {
				return CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
			}
			seen.complete(http);
			return TestApps.sendText(send, 200, "over uds");
		}, (b) -> b.uds(socket));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-rw-rw-");
		String body = HttpClient.create()
			.remoteAddress(() -> new DomainSocketAddress(socket.toString()))
			.get()
			.uri("/")
			.responseContent()
			.aggregate()
			.asString()
			.block(Duration.ofSeconds(10));
		assertThat(body).isEqualTo("over uds");
		HttpScope scope = seen.get(5, TimeUnit.SECONDS);
		assertThat(scope.server().host()).isEqualTo(socket.toString());
		assertThat(scope.server().port()).isNull();
		assertThat(scope.client()).isNull();
		this.fixture.server().shutdown(Duration.ofSeconds(5));
		assertThat(socket).doesNotExist();
	}
}
