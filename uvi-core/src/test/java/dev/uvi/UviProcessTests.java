package dev.uvi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.testing.JavaProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The runner as operators use it: a real {@code java dev.uvi.Uvi ...} process, real sockets, real signals. */
class UviProcessTests {

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	private static final Pattern RUNNING = Pattern.compile("Uvi running on http://127\\.0\\.0\\.1:(\\d+) ");

	private static final String MAIN = "dev.uvi.Uvi";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void servesTheApplicationAndExitsWithZeroOnSigterm() throws Exception {
		try (JavaProcess uvi = JavaProcess.start(JavaProcess.testClasspath(), MAIN, "dev.uvi.testing.RunnerApps::app",
				"--port", "0", "--timeout-graceful-shutdown=5", "--header", "X-Runner: yes", "--no-access-log")) {
			int port = Integer.parseInt(uvi.awaitGroup(RUNNING, DEADLINE));
			HttpResponse<String> response = get(port);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("Hello from the runner");
			assertThat(response.headers().firstValue("x-runner")).hasValue("yes");
			uvi.terminate();
			assertThat(uvi.awaitExit(DEADLINE)).as(uvi.output()).isZero();
			assertThat(uvi.output()).contains("Shutting down", "Finished server process");
		}
	}

	@Test
	void withoutAnSlf4jProviderTheRunnerPrintsTheMainLinesToStderr() throws Exception {
		List<String> classpath = JavaProcess.testClasspath().stream().filter((entry) -> !entry.contains("logback"))
			.toList();
		try (JavaProcess uvi = JavaProcess.start(classpath, MAIN, "dev.uvi.testing.RunnerApps::factory", "--port=0")) {
			int port = Integer.parseInt(uvi.awaitGroup(Pattern.compile("^INFO: +" + RUNNING.pattern()), DEADLINE));
			assertThat(get(port).body()).isEqualTo("Hello from the factory");
			uvi.terminate();
			assertThat(uvi.awaitExit(DEADLINE)).as(uvi.output()).isZero();
			assertThat(uvi.stderr()).first().asString().startsWith("uvi: no SLF4J provider on the classpath");
			assertThat(uvi.stderr()).contains("INFO:     Shutting down").anyMatch(
					(line) -> line.startsWith("INFO:     Finished server process ["));
		}
	}

	@Test
	void stopsByItselfWithZeroAfterLimitMaxRequests() throws Exception {
		try (JavaProcess uvi = JavaProcess.start(JavaProcess.testClasspath(), MAIN, "dev.uvi.testing.RunnerApps::app",
				"--port", "0", "--limit-max-requests", "1")) {
			int port = Integer.parseInt(uvi.awaitGroup(RUNNING, DEADLINE));
			assertThat(get(port).statusCode()).isEqualTo(200);
			assertThat(uvi.awaitExit(DEADLINE)).as(uvi.output()).isZero();
		}
	}

	@Test
	void aBadFlagExitsWithTwoAndOneLineOnStderr() throws Exception {
		try (JavaProcess uvi = JavaProcess.start(JavaProcess.testClasspath(), MAIN, "dev.uvi.testing.RunnerApps::app",
				"--port", "70000")) {
			assertThat(uvi.awaitExit(DEADLINE)).isEqualTo(2);
			assertThat(uvi.stderr()).containsExactly("uvi: --port: 70000 (expected: 0-65535)");
		}
	}

	@Test
	void aTakenPortExitsWithThree() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				JavaProcess uvi = JavaProcess.start(JavaProcess.testClasspath(), MAIN,
						"dev.uvi.testing.RunnerApps::app", "--port", Integer.toString(taken.getLocalPort()))) {
			assertThat(uvi.awaitExit(DEADLINE)).as(uvi.output()).isEqualTo(3);
			assertThat(uvi.stderr()).last()
				.isEqualTo("uvi: Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
		}
	}

	private HttpResponse<String> get(int port) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
			.timeout(Duration.ofSeconds(10)).build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}
}
