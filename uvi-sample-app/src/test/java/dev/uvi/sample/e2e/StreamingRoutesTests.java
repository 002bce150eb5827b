package dev.uvi.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.testing.RawHttpClient;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

/** {@code /echo}, {@code /upload}, {@code /download}, {@code /stream} and {@code /slow} over real sockets. */
@SampleAppTest
class StreamingRoutesTests {

	@Value("${local.uvi.port}")
	int port;

	@Test
	void echoSendsTheBodyBackChunkedWithTheRequestsContentType() throws Exception {
		byte[] body = randomBytes(3 * 1024 * 1024);
		HttpResponse<byte[]> response = Clients.send(HttpRequest.newBuilder(Clients.uri(this.port, "/echo"))
			.header("content-type", "application/x-test")
			.POST(BodyPublishers.ofByteArray(body))
			.build(), BodyHandlers.ofByteArray());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValue("application/x-test");
		assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
		assertThat(response.body()).isEqualTo(body);
	}

	@Test
	void echoWithoutContentTypeAnswersOctetStream() throws Exception {
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			RawHttpClient.Response response = client
				.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
				.readResponse();

			assertThat(response.header("content-type")).isEqualTo("application/octet-stream");
			assertThat(response.bodyText()).isEqualTo("hello");
		}
	}

	@Test
	void echoWaitsForExpectContinueToBeAnsweredBeforeTheBodyIsSent() throws Exception {
		// uvicorn tests/protocols/test_http.py::test_100_continue_sent_when_body_consumed
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"
					+ "Expect: 100-continue\r\n\r\n");

			RawHttpClient.Response interim = client.readResponse();
			assertThat(interim.statusLine()).isEqualTo("HTTP/1.1 100 Continue");
			RawHttpClient.Response response = client.send("hello").readResponse();
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.bodyText()).isEqualTo("hello");
		}
	}

	@Test
	void uploadHashesTheWholeBody() throws Exception {
		byte[] body = randomBytes(10 * 1024 * 1024 + 7);
		HttpResponse<String> response = Clients.send(HttpRequest.newBuilder(Clients.uri(this.port, "/upload"))
			.POST(BodyPublishers.ofByteArray(body))
			.build(), BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
		JsonNode result = Clients.json(response.body());
		assertThat(result.get("bytes").asLong()).isEqualTo(body.length);
		assertThat(result.get("sha256").asString()).isEqualTo(sha256(body));
	}

	@Test
	void uploadReadsAChunkedBody() throws Exception {
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			RawHttpClient.Response response = client
				.send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
						+ "6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n")
				.readResponse();

			assertThat(response.bodyText())
				.isEqualTo("{\"bytes\":11,\"sha256\":\"" + sha256("hello world".getBytes()) + "\"}");
		}
	}

	@Test
	void uploadOfAnEmptyBodyIsZeroBytes() throws Exception {
		HttpResponse<String> response = Clients.send(HttpRequest.newBuilder(Clients.uri(this.port, "/upload"))
			.POST(BodyPublishers.noBody())
			.build(), BodyHandlers.ofString());

		assertThat(Clients.json(response.body()).get("bytes").asLong()).isZero();
	}

	@Test
	void downloadSendsExactlySizeBytesOfThePattern() throws Exception {
		long size = 5_000_003;
		HttpResponse<InputStream> response = Clients.send(
				HttpRequest.newBuilder(Clients.uri(this.port, "/download?size=" + size)).build(),
				BodyHandlers.ofInputStream());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-length")).hasValue(Long.toString(size));
		try (InputStream body = response.body()) {
			assertThat(Pattern.check(body)).isEqualTo(size);
		}
	}

	@Test
	void downloadWorksForAReactorNettyClient() {
		Long length = HttpClient.create()
			.get()
			.uri("http://127.0.0.1:" + this.port + "/download?size=1000000")
			.responseContent()
			.aggregate()
			.asByteArray()
			.map((bytes) -> (long) bytes.length)
			.block(Duration.ofSeconds(10));

		assertThat(length).isEqualTo(1_000_000);
	}

	@Test
	void streamSendsChunkedBodyOfChunksTimesSize() throws Exception {
		try (RawHttpClient client = RawHttpClient.connect(this.port)) {
			RawHttpClient.Response response = client
				.send("GET /stream?chunks=5&size=3&delay_ms=20 HTTP/1.1\r\nHost: x\r\n\r\n")
				.readResponse();

			assertThat(response.header("transfer-encoding")).isEqualTo("chunked");
			assertThat(response.header("content-length")).isNull();
			assertThat(response.bodyText()).isEqualTo("012345678901234");
		}
	}

	@Test
	void streamDefaultsToTenChunksOfSixteenBytes() throws Exception {
		assertThat(Clients.get(this.port, "/stream").body()).hasSize(160);
	}

	@Test
	void streamChunksArriveSpreadOverTime() throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = Clients.get(this.port, "/stream?chunks=4&size=1&delay_ms=100");

		assertThat(response.body()).isEqualTo("0123");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void slowAnswersAfterTheWait() throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = Clients.get(this.port, "/slow?ms=200");

		assertThat(response.body()).isEqualTo("slept 200");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void slowRequestsDoNotHoldUpOthers() throws Exception {
		try (RawHttpClient slow = RawHttpClient.connect(this.port)) {
			slow.send("GET /slow?ms=3000 HTTP/1.1\r\nHost: x\r\n\r\n");
			long start = System.nanoTime();

			assertThat(Clients.get(this.port, "/").body()).isEqualTo("Hello, world!");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
			assertThat(slow.readResponse().bodyText()).isEqualTo("slept 3000");
		}
	}

	private static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		new Random(42).nextBytes(bytes);
		return bytes;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
