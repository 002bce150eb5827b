package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.HttpScope;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import dev.uvi.testing.TestCertificates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The server against curl (installed by .ci/run): HTTP/2 over TLS, h2c by prior knowledge, client certificates, unix sockets. */
class CurlTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@TempDir
	Path dir;

	private int start(java.util.function.UnaryOperator<UviConfig.Builder> config) {
		return this.fixture.start((scope, receive, send) -> (scope instanceof HttpScope http)
				? TestApps.sendText(send, 200, "v" + http.httpVersion() + " " + http.scheme())
				: CompletableFuture.failedFuture(new IllegalStateException("no lifespan")), config);
	}

	private static String curl(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("curl %s: %s", args, output).isZero();
		return output;
	}

	@Test
	void http2OverTlsWithCurl() throws Exception {
		TestCertificates.Pair pair = TestCertificates.selfSigned(this.dir, "server");
		int port = start((b) -> b.tls(TlsConfig.pem(pair.cert(), pair.key(), null)));
		assertThat(curl("--http2", "--cacert", pair.cert().toString(), "https://127.0.0.1:" + port + "/"))
			.isEqualTo("v2 https");
	}

	@Test
	void h2cByPriorKnowledgeWithCurl() throws Exception {
		int port = start((b) -> b.http2(Http2Config.defaults().withH2c(true)));
		assertThat(curl("--http2-prior-knowledge", "http://127.0.0.1:" + port + "/")).isEqualTo("v2 http");
	}

	@Test
	void clientCertificateWithCurl() throws Exception {
		TestCertificates.Pair server = TestCertificates.selfSigned(this.dir, "server");
		TestCertificates.Pair ca = TestCertificates.selfSigned(this.dir, "ca");
		TestCertificates.Pair client = TestCertificates.signedBy(this.dir, ca, "bob");
		int port = start((b) -> b.tls(TlsConfig.pem(server.cert(), server.key(), null)
			.withClientAuth(TlsConfig.ClientAuth.REQUIRED, ca.cert())));
		assertThat(curl("--cacert", server.cert().toString(), "--cert", client.cert().toString(), "--key",
				client.key().toString(), "https://127.0.0.1:" + port + "/")).isEqualTo("v2 https");
	}

	@Test
	void unixSocketWithCurl() throws Exception {
		Path socket = this.dir.resolve("uvi.sock");
		start((b) -> b.uds(socket));
		assertThat(curl("--unix-socket", socket.toString(), "http://localhost/")).isEqualTo("v1.1 http");
	}
}
