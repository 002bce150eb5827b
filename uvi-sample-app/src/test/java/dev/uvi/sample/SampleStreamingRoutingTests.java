package dev.uvi.sample;

import static dev.uvi.sample.InProcess.call;
import static dev.uvi.sample.InProcess.contextRunner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpDisconnect;
import dev.uvi.asgi.HttpRequest;
import dev.uvi.asgi.HttpResponseBody;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.sample.http.DownloadEndpoint;
import dev.uvi.testing.RecordingSend;
import dev.uvi.testing.ScriptedReceive;
import dev.uvi.testing.TestScopes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

/** The sample's body-streaming routes, called in-process: what they send, and that they wait for each send. */
class SampleStreamingRoutingTests {

	@Test
	void echoSendsEachChunkBackAsItArrivesWithTheRequestsContentType() {
		withApplication((app, context) -> {
			ScriptedReceive receive = ScriptedReceive.body(bytes("abc"), bytes(""), bytes("de"));

			RecordingSend send = call(app,
					TestScopes.http("POST", "/echo", Headers.of("content-type", "text/csv")), receive);

			assertThat(send.messages()).containsExactly(
					HttpResponseStart.of(200, Headers.of("content-type", "text/csv")),
					HttpResponseBody.chunk(bytes("abc")), HttpResponseBody.chunk(bytes("de")), HttpResponseBody.end());
		});
	}

	@Test
	void echoStartsOnlyAfterTheFirstChunkAndDefaultsToOctetStream() {
		withApplication((app, context) -> {
			RecordingSend send = RecordingSend.held();
			ScriptedReceive receive = ScriptedReceive.body(bytes("x"), bytes("y"));

			CompletionStage<Void> echoing = app.call(TestScopes.http("POST", "/echo"), receive, send);

			assertThat(receive.receivedCount()).isEqualTo(1);
			assertThat(send.headers().get("content-type")).isEqualTo("application/octet-stream");
			send.release(); // start
			send.release(); // "x": only now is the next chunk received
			assertThat(receive.receivedCount()).isEqualTo(2);
			while (send.release()) {
				// "y", end
			}
			assertThat(echoing).isDone();
		});
	}

	@Test
	void echoOfAnEmptyBodyIsAnEmptyResponse() {
		withApplication((app, context) -> {
			RecordingSend send = call(app, TestScopes.http("POST", "/echo"), ScriptedReceive.body());

			assertThat(send.status()).isEqualTo(200);
			assertThat(send.bodyMessages()).containsExactly(HttpResponseBody.end());
		});
	}

	@Test
	void echoStopsQuietlyWhenTheClientLeaves() {
		withApplication((app, context) -> {
			ScriptedReceive receive = ScriptedReceive.of(new HttpRequest(bytes("abc"), true), new HttpDisconnect());

			RecordingSend send = call(app, TestScopes.http("POST", "/echo"), receive);

			assertThat(send.isComplete()).isFalse();
		});
	}

	@Test
	void uploadAnswersSizeAndSha256() throws Exception {
		byte[] first = bytes("hello ");
		byte[] second = bytes("world");
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes("hello world")));
		withApplication((app, context) -> {
			RecordingSend send = call(app, TestScopes.http("POST", "/upload"), ScriptedReceive.body(first, second));

			assertThat(send.bodyText()).isEqualTo("{\"bytes\":11,\"sha256\":\"" + sha256 + "\"}");
		});
	}

	@Test
	void downloadSendsTheDigitPatternInChunksWithAContentLength() {
		withApplication((app, context) -> {
			RecordingSend send = call(app, "GET", "/download?size=150000");

			assertThat(send.headers().get("content-length")).isEqualTo("150000");
			assertThat(send.bodyMessages()).extracting((message) -> message.body().length)
				.containsExactly(65536, 65536, 18928, 0);
			byte[] body = send.body();
			assertThat(body).hasSize(150000);
			for (int i = 0; i < body.length; i++) {
				assertThat(body[i]).as("byte %d", i).isEqualTo((byte) ('0' + i % 10));
			}
			assertThat(context.getBean(DownloadEndpoint.class).bytesProduced()).isEqualTo(150000);
		});
	}

	@Test
	void downloadProducesTheNextChunkOnlyOnceTheServerTookThePrevious() {
		withApplication((app, context) -> {
			DownloadEndpoint download = context.getBean(DownloadEndpoint.class);
			RecordingSend send = RecordingSend.held();

			app.call(TestScopes.http("GET", "/download?size=1000000"), ScriptedReceive.body(), send);

			assertThat(download.bytesProduced()).isZero();
			send.release(); // start
			assertThat(download.bytesProduced()).isEqualTo(65536);
			assertThat(send.pendingCount()).isEqualTo(1);
			send.release();
			assertThat(download.bytesProduced()).isEqualTo(2 * 65536);
		});
	}

	@Test
	void downloadOfNothingIsAnEmptyBody() {
		withApplication((app, context) -> {
			RecordingSend send = call(app, "GET", "/download?size=0");

			assertThat(send.headers().get("content-length")).isEqualTo("0");
			assertThat(send.bodyMessages()).containsExactly(HttpResponseBody.end());
		});
	}

	@Test
	void streamSendsTenChunksOfSixteenBytesByDefaultWithoutContentLength() {
		withApplication((app, context) -> {
			RecordingSend send = call(app, "GET", "/stream");

			assertThat(send.headers().contains("content-length")).isFalse();
			assertThat(send.bodyMessages()).hasSize(11).last().isEqualTo(HttpResponseBody.end());
			assertThat(send.bodyMessages().subList(0, 10)).allSatisfy((chunk) -> assertThat(chunk.body()).hasSize(16));
			assertThat(send.bodyText()).startsWith("01234567890123456789");
		});
	}

	@Test
	void streamWaitsBetweenChunksWithoutHoldingTheCaller() {
		withApplication((app, context) -> {
			RecordingSend send = RecordingSend.create();
			long start = System.nanoTime();

			CompletionStage<Void> streaming = app.call(TestScopes.http("GET", "/stream?chunks=3&size=4&delay_ms=200"),
					ScriptedReceive.body(), send);

			assertThat(streaming).isNotDone(); // the call returned at once: the waits are timers
			assertThat(streaming).succeedsWithin(Duration.ofSeconds(5));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
			assertThat(send.bodyText()).isEqualTo("012345678901");
		});
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void withApplication(BiConsumer<AsgiApplication, ApplicationContext> test) {
		contextRunner.run((context) -> test.accept(context.getBean(AsgiApplication.class), context));
	}
}
