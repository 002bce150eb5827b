package dev.uvi.sample.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, walked as a newcomer would: in a fresh clone of the committed
 * repository, {@code ./mvnw spring-boot:run} builds what it needs and serves the sample on
 * {@code http://127.0.0.1:8000}; SIGTERM stops it and the run ends with exit code 0.
 */
class ReadmeCommandsIT {

	@TempDir
	Path clone;

	@Test
	void runCommandFromAFreshCloneServesTheSampleAndStopsCleanlyOnSigterm() throws Exception {
		assertPortFree(8000);
		Path repository = Path.of("..").toAbsolutePath().normalize();
		run(repository, "git", "clone", "--quiet", repository.toString(), this.clone.toString());
		assertThat(Files.readString(this.clone.resolve("README.md"))).contains("./mvnw spring-boot:run");
		Path log = this.clone.resolve("run.log");
		Process maven = new ProcessBuilder("./mvnw", "-B", "-q", "-o", "spring-boot:run").directory(this.clone.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			HttpClient client = HttpClient.newHttpClient();
			HttpRequest hello = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8000/")).build();
			await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(
					() -> "Hello, world!".equals(client.send(hello, HttpResponse.BodyHandlers.ofString()).body()));
			ProcessHandle sample = sampleJvm(maven).orElseThrow(() -> new AssertionError("no sample JVM under Maven"));
			sample.destroy(); // SIGTERM
			assertThat(maven.waitFor(60, TimeUnit.SECONDS)).as("Maven ends after the sample").isTrue();
			assertThat(maven.exitValue()).as(Files.readString(log)).isZero();
			assertThat(Files.readString(log)).contains("Application shutdown complete.");
		}
		finally {
			maven.descendants().forEach(ProcessHandle::destroyForcibly);
			maven.destroyForcibly();
		}
	}

	/** The wrapper execs Maven's JVM, which forks the sample's JVM: the one java process below it. */
	private static Optional<ProcessHandle> sampleJvm(Process maven) {
		return maven.descendants()
			.filter((process) -> process.info().command().map((command) -> command.endsWith("/java")).orElse(false))
			.findFirst();
	}

	private static void assertPortFree(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			assertThat(socket.getLocalPort()).isEqualTo(port);
		}
		catch (IOException ex) {
			throw new AssertionError("port " + port + " is taken: the README's run command needs it", ex);
		}
	}

	private static void run(Path directory, String... command) throws Exception {
		Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
	}
}
