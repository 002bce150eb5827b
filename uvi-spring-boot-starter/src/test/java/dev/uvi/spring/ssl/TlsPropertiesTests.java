package dev.uvi.spring.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.spring.autoconfigure.InvalidUviPropertyException;
import dev.uvi.spring.autoconfigure.UviAutoConfiguration;
import dev.uvi.spring.testing.HelloApplication;
import dev.uvi.testing.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TlsPropertiesTests {

	@TempDir
	Path dir;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, UviAutoConfiguration.class))
		.withPropertyValues("uvi.port=0", "uvi.lifespan=off")
		.withBean("hello", AsgiApplication.class, HelloApplication::new);

	@Test
	void pemPropertiesServeHttps() throws Exception {
		TestCertificates.Pair pair = TestCertificates.selfSigned(this.dir, "one");
		this.runner.withPropertyValues("uvi.ssl.certfile=" + pair.cert(), "uvi.ssl.keyfile=" + pair.key())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				int port = context.getEnvironment().getProperty("local.uvi.port", Integer.class);
				HttpResponse<String> response = HttpClient.newBuilder().sslContext(pair.trustingContext()).build()
					.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/")).build(),
							HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
			});
	}

	@Test
	void certfileWithoutKeyfileFailsNamingTheMissingProperty() throws Exception {
		TestCertificates.Pair pair = TestCertificates.selfSigned(this.dir, "one");
		this.runner.withPropertyValues("uvi.ssl.certfile=" + pair.cert()).run((context) -> assertThat(context)
			.hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(InvalidUviPropertyException.class)
			.hasMessage("uvi.ssl.keyfile: unset (expected: set together with uvi.ssl.certfile)"));
	}

	@Test
	void bundleWithReloadOnUpdateServesAReplacedCertificateToNewHandshakes() throws Exception {
		TestCertificates.Pair one = TestCertificates.selfSigned(this.dir, "one");
		TestCertificates.Pair two = TestCertificates.selfSigned(this.dir, "two");
		Path cert = Files.copy(one.cert(), this.dir.resolve("live.pem"));
		Path key = Files.copy(one.key(), this.dir.resolve("live.key"));
		this.runner.withPropertyValues("spring.ssl.bundle.pem.web.keystore.certificate=" + cert,
				"spring.ssl.bundle.pem.web.keystore.private-key=" + key, "spring.ssl.bundle.pem.web.reload-on-update=true",
				"spring.ssl.bundle.watch.file.quiet-period=100ms", "uvi.ssl.bundle=web")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				int port = context.getEnvironment().getProperty("local.uvi.port", Integer.class);
				assertThat(certificateName(port)).isEqualTo("CN=one");
				Files.copy(two.key(), key, StandardCopyOption.REPLACE_EXISTING);
				Files.copy(two.cert(), cert, StandardCopyOption.REPLACE_EXISTING);
				await().atMost(Duration.ofSeconds(20)).until(() -> "CN=two".equals(certificateName(port)));
			});
	}

	/** The subject of the certificate a new handshake gets; trust is not the point here. */
	private static String certificateName(int port) throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new TrustManager[] { new X509TrustManager() {

			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) {
			}

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) {
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return new X509Certificate[0];
			}
		} }, null);
		try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
			socket.startHandshake();
			return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
		}
	}
}
