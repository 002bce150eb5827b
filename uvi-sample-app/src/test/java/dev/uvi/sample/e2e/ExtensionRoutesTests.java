package dev.uvi.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.testing.RawHttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** {@code /trailers} and {@code /file}: the trailers and pathsend extensions through the sample. */
@SampleAppTest
class ExtensionRoutesTests {

	@Value("${local.uvi.port}")
	int port;

	@Test
	void trailersRouteSendsTheBodyThenItsChecksumAsATrailer() throws Exception {
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			String all = client.send("GET /trailers HTTP/1.1\r\nHost: x\r\nTE: trailers\r\nConnection: close\r\n\r\n")
				.readUntilClosed();
			String body = "a body whose checksum follows it\n";
			String checksum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes()));
			assertThat(all).contains("transfer-encoding: chunked")
				.endsWith(Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\nx-checksum: " + checksum
						+ "\r\n\r\n");
		}
	}

	@Test
	void fileRouteSendsANamedFileWithItsLength() throws Exception {
		String expected = Files.readString(Path.of("files", "hello.txt"));
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			RawHttpClient.Response response = client.send("GET /file?name=hello.txt HTTP/1.1\r\nHost: x\r\n\r\n")
				.readResponse();
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.header("content-length")).isEqualTo(Integer.toString(expected.length()));
			assertThat(response.bodyText()).isEqualTo(expected);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "../pom.xml", "..%2Fpom.xml", "%2Fetc%2Fpasswd", ".hidden", "missing.txt", "" })
	void fileRouteRefusesAnythingButAPlainNameInItsDirectory(String name) throws Exception {
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			RawHttpClient.Response response = client.send("GET /file?name=" + name + " HTTP/1.1\r\nHost: x\r\n\r\n")
				.readResponse();
			assertThat(response.status()).isEqualTo(404);
		}
	}
}
