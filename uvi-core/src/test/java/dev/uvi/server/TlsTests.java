package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.uvi.asgi.ConnectionScope;
import dev.uvi.asgi.HttpScope;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.TestApps;
import dev.uvi.testing.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TlsTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	@TempDir
	Path dir;

	private final CompletableFuture<ConnectionScope> seen = new CompletableFuture<>();

	private int start(TlsConfig tls) {
		return this.fixture.start((scope, receive, send) -> {
			if (!(scope instanceof HttpScope http)) {
				return CompletableFuture.failedFuture(new IllegalStateException("no lifespan"));
			}
			this.seen.complete(http);
			return TestApps.sendText(send, 200, http.scheme() + " " + http.httpVersion());
		}, (b) -> b.tls(tls));
	}

	@Test
	void pemCertificateServesHttpsAndHttp2ThroughAlpn() throws Exception {
		TestCertificates.Pair pair = TestCertificates.selfSigned(this.dir, "one");
		int port = start(TlsConfig.pem(pair.cert(), pair.key(), null));
		HttpClient client = HttpClient.newBuilder().sslContext(pair.trustingContext()).build();
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(response.body()).isEqualTo("https 2");
		HttpResponse<String> http11 = HttpClient.newBuilder()
			.sslContext(pair.trustingContext())
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(http11.body()).isEqualTo("https 1.1");
	}

	@Test
	void encryptedKeyIsReadWithItsPassword() throws Exception {
		TestCertificates.Pair pair = TestCertificates.selfSigned(this.dir, "one");
		Path encrypted = TestCertificates.encryptedKey(this.dir, pair, "secret");
		int port = start(TlsConfig.pem(pair.cert(), encrypted, "secret"));
		assertThat(certificateName(port, pair)).isEqualTo("CN=one");
		this.fixture.server().shutdown(java.time.Duration.ofSeconds(5));
		assertThatExceptionOfType(UviServerException.class)
			.isThrownBy(() -> UviServer.create(UviConfig.builder().port(0).tls(TlsConfig.pem(pair.cert(), encrypted,
					"wrong")).build(), TestApps.text("x")).start())
			.withMessageStartingWith("ssl.keyfile: cannot load the key or certificates");
	}

	@Test
	void missingFileAndMismatchedKeyFailStartupNamingTheProperty() throws Exception {
		TestCertificates.Pair one = TestCertificates.selfSigned(this.dir, "one");
		TestCertificates.Pair two = TestCertificates.selfSigned(this.dir, "two");
		assertThatExceptionOfType(UviServerException.class)
			.isThrownBy(() -> UviServer.create(UviConfig.builder().port(0)
				.tls(TlsConfig.pem(this.dir.resolve("missing.pem"), one.key(), null)).build(), TestApps.text("x")).start())
			.withMessage("ssl.certfile: " + this.dir.resolve("missing.pem") + " (expected: a readable PEM file)");
		assertThatExceptionOfType(UviServerException.class)
			.isThrownBy(() -> UviServer.create(UviConfig.builder().port(0)
				.tls(TlsConfig.pem(one.cert(), two.key(), null)).build(), TestApps.text("x")).start())
			.withMessageStartingWith("ssl.keyfile: the key does not match the certificate");
	}

	@Test
	void requiredClientCertificateReachesTheScopeAsTheTlsExtension() throws Exception {
		TestCertificates.Pair server = TestCertificates.selfSigned(this.dir, "server");
		TestCertificates.Pair ca = TestCertificates.selfSigned(this.dir, "ca");
		TestCertificates.Pair client = TestCertificates.signedBy(this.dir, ca, "alice");
		int port = start(TlsConfig.pem(server.cert(), server.key(), null)
			.withClientAuth(TlsConfig.ClientAuth.REQUIRED, ca.cert()));
		SSLContext withClientCert = server.trustingContext(this.dir, client);
		HttpResponse<String> response = HttpClient.newBuilder().sslContext(withClientCert).build()
			.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		@SuppressWarnings("unchecked")
		Map<String, Object> tls = (Map<String, Object>) this.seen.get(5, TimeUnit.SECONDS).extensions().get("tls");
		assertThat(tls.get("client_cert_name")).isEqualTo("CN=alice");
		assertThat((java.util.List<?>) tls.get("client_cert_chain")).hasSize(1);
		assertThat(tls.get("tls_version")).isIn(0x0303, 0x0304);
		// without a client certificate the handshake fails
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> HttpClient.newBuilder()
			.sslContext(server.trustingContext()).build()
			.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/")).build(),
					HttpResponse.BodyHandlers.ofString()));
	}

	@Test
	void reloadedCertificateIsServedToNewHandshakes() throws Exception {
		TestCertificates.Pair one = TestCertificates.selfSigned(this.dir, "one");
		TestCertificates.Pair two = TestCertificates.selfSigned(this.dir, "two");
		int port = start(TlsConfig.pem(one.cert(), one.key(), null));
		assertThat(certificateName(port, one)).isEqualTo("CN=one");
		this.fixture.server().reloadTls(TlsConfig.pem(two.cert(), two.key(), null));
		assertThat(certificateName(port, two)).isEqualTo("CN=two");
	}

	@Test
	void malformedRequestOverTlsWithAlpnGetsTheFixed400() throws Exception {
		TestCertificates.Pair pair = TestCertificates.selfSigned(this.dir, "one");
		int port = start(TlsConfig.pem(pair.cert(), pair.key(), null));
		try (SSLSocket socket = (SSLSocket) pair.trustingContext().getSocketFactory().createSocket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n".getBytes());
			String answer = new String(socket.getInputStream().readAllBytes());
			assertThat(answer).startsWith("HTTP/1.1 400 Bad Request").endsWith("Invalid HTTP request received.");
		}
	}

	private static String certificateName(int port, TestCertificates.Pair trusted) throws Exception {
		try (SSLSocket socket = (SSLSocket) trusted.trustingContext().getSocketFactory().createSocket("127.0.0.1", port)) {
			socket.startHandshake();
			return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
		}
	}
}
