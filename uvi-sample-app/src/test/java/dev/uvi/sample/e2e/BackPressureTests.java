package dev.uvi.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uvi.sample.http.DownloadEndpoint;
import dev.uvi.testing.RawHttpClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Back-pressure through the sample's own routes: a client that reads nothing stalls {@code /download},
 * and a client that does not read its {@code /echo} response stalls its own upload, because the echo
 * awaits each send before it receives the next chunk. Memory stays bounded either way.
 */
@SampleAppTest
class BackPressureTests {

	private static final long DOWNLOAD = 200_000_000;

	private static final long UPLOAD = 256L * 1024 * 1024;

	/** Far below the bodies: kernel socket buffers on both ends plus the server's write watermark. */
	private static final long BOUND = 32L * 1024 * 1024;

	@Value("${local.uvi.port}")
	int port;

	@Autowired
	DownloadEndpoint download;

	@Test
	void aClientThatReadsNothingStallsTheDownload() throws Exception {
		long before = this.download.bytesProduced();
		try (RawHttpClient client = RawHttpClient.connect(this.port, Duration.ofSeconds(30), 16 * 1024)) {
			client.send("GET /download?size=" + DOWNLOAD + " HTTP/1.1\r\nHost: x\r\n\r\n");

			awaitStable(() -> this.download.bytesProduced() - before);
			assertThat(this.download.bytesProduced() - before)
				.as("bytes produced while the client read nothing")
				.isLessThan(BOUND);

			RawHttpClient.Response head = client.readHeadResponse();
			assertThat(head.header("content-length")).isEqualTo(Long.toString(DOWNLOAD));
			assertThat(Pattern.check(client.input(), DOWNLOAD)).isEqualTo(DOWNLOAD);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.download.bytesProduced() - before == DOWNLOAD);
	}

	@Test
	void aClientThatDoesNotReadTheEchoStallsItsOwnUpload() throws Exception {
		AtomicLong written = new AtomicLong();
		try (RawHttpClient client = RawHttpClient.connect(this.port, Duration.ofSeconds(30), 16 * 1024)) {
			client.socket().setSendBufferSize(16 * 1024);
			CompletableFuture<Void> uploading = CompletableFuture.runAsync(() -> upload(client, written));

			awaitStable(written::get);
			assertThat(written.get()).as("bytes the client got into the socket while nobody read the echo")
				.isLessThan(BOUND);

			RawHttpClient.Response head = client.readHeadResponse();
			assertThat(head.header("transfer-encoding")).isEqualTo("chunked");
			assertThat(drainChunked(client.input())).isEqualTo(UPLOAD);
			assertThat(uploading).succeedsWithin(Duration.ofSeconds(30));
		}
	}

	private static void upload(RawHttpClient client, AtomicLong written) {
		try {
			OutputStream out = client.socket().getOutputStream();
			out.write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + UPLOAD + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			byte[] chunk = new byte[64 * 1024];
			for (long sent = 0; sent < UPLOAD; sent += chunk.length) {
				out.write(chunk);
				written.addAndGet(chunk.length);
			}
			out.flush();
		}
		catch (Exception ex) {
			throw new IllegalStateException("upload failed after " + written.get() + " bytes", ex);
		}
	}

	/** Reads a chunked body to its end, counting the data bytes without keeping them. */
	private static long drainChunked(InputStream in) throws Exception {
		long total = 0;
		byte[] buffer = new byte[256 * 1024];
		while (true) {
			int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
			if (size == 0) {
				line(in); // end of (empty) trailers
				return total;
			}
			for (int left = size; left > 0;) {
				int n = in.read(buffer, 0, Math.min(buffer.length, left));
				if (n == -1) {
					throw new AssertionError("connection closed inside a chunk after " + total + " bytes");
				}
				left -= n;
				total += n;
			}
			line(in);
		}
	}

	private static String line(InputStream in) throws Exception {
		StringBuilder line = new StringBuilder();
		for (int c; (c = in.read()) != '\n';) {
			if (c == -1) {
				throw new AssertionError("connection closed inside a chunked body");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	/** Waits, with a deadline, until the value has grown and then stayed put for half a second. */
	private static void awaitStable(LongSupplier value) {
		long[] last = { -1, -1 };
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
			long now = value.getAsLong();
			boolean stable = now > 0 && now == last[0] && now == last[1];
			last[1] = last[0];
			last[0] = now;
			return stable;
		});
	}
}
