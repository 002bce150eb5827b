package dev.uvi.sample.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged sample app as a child JVM on a free port ({@code --uvi.port=0}): its output is collected
 * line by line (and echoed to this JVM's output, for the failsafe report), its port is read from uvi's
 * "Uvi running on" line. Every wait has a deadline; {@link #close()} kills whatever is left.
 */
final class SampleProcess implements AutoCloseable {

	private static final Pattern RUNNING = Pattern.compile("Uvi running on http://127\\.0\\.0\\.1:(\\d+) ");

	private final Process process;

	/** Guarded by itself; waiters are woken on each new line and at the end of the output. */
	private final List<String> lines = new ArrayList<>();

	private boolean outputEnded;

	private SampleProcess(Process process) {
		this.process = process;
		Thread reader = new Thread(this::readOutput, "sample-process-output");
		reader.setDaemon(true);
		reader.start();
	}

	/** Starts this JVM's {@code java -jar <sample.jar> --uvi.port=0} with the extra application arguments. */
	static SampleProcess start(String... arguments) throws IOException {
		String jar = System.getProperty("sample.jar");
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("sample.jar: " + jar + " (expected: the repackaged jar; run `verify`)");
		}
		// C1 only: these JVMs live for seconds, so a quicker start beats peak speed
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-XX:TieredStopAtLevel=1", "-jar", jar, "--uvi.port=0"));
		command.addAll(List.of(arguments));
		return new SampleProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
	}

	/** @return the port from the "Uvi running on" line, failing when the process ends first or after 30 s */
	int awaitPort() throws InterruptedException {
		String line = awaitLines(RUNNING.asPredicate(), 1, Duration.ofSeconds(30)).get(0);
		Matcher matcher = RUNNING.matcher(line);
		matcher.find();
		return Integer.parseInt(matcher.group(1));
	}

	/**
	 * Waits until {@code count} lines match.
	 * @return the matching lines
	 * @throws AssertionError when the output ends or the timeout passes first, with the output so far
	 */
	List<String> awaitLines(Predicate<String> match, int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.lines) {
			while (true) {
				List<String> matching = this.lines.stream().filter(match).toList();
				if (matching.size() >= count) {
					return matching;
				}
				long left = deadline - System.nanoTime();
				if (this.outputEnded || left <= 0) {
					throw new AssertionError("expected " + count + " matching line(s), got " + matching.size()
							+ (this.outputEnded ? " before the output ended" : " within " + timeout) + "; output:\n"
							+ String.join("\n", this.lines));
				}
				TimeUnit.NANOSECONDS.timedWait(this.lines, left);
			}
		}
	}

	/** @return the output so far, one string per line */
	List<String> output() {
		synchronized (this.lines) {
			return List.copyOf(this.lines);
		}
	}

	/**
	 * Sends SIGTERM. Through the process handle: {@link Process#destroy()} sends the same signal but also
	 * closes this side of the output pipe, which loses the shutdown's log lines.
	 */
	void terminate() {
		this.process.toHandle().destroy();
	}

	/** Sends SIGINT, as Ctrl+C does. */
	void interrupt() throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-INT", Long.toString(this.process.pid())).start();
		if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
			throw new AssertionError("kill -INT " + this.process.pid() + " failed");
		}
	}

	/**
	 * Waits for the process to exit and for its output to be read to the end.
	 * @return the exit code
	 * @throws AssertionError when the process is still running after {@code timeout}
	 */
	int awaitExit(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("still running after " + timeout + "; output:\n" + String.join("\n", output()));
		}
		synchronized (this.lines) {
			// destroying the process would close the pipe under the reader: let it read what is left first
			while (!this.outputEnded && System.nanoTime() < deadline) {
				TimeUnit.NANOSECONDS.timedWait(this.lines, deadline - System.nanoTime());
			}
		}
		return this.process.exitValue();
	}

	/** Kills the process if it still runs. */
	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	private void readOutput() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line; (line = reader.readLine()) != null;) {
				System.out.println("[sample] " + line);
				synchronized (this.lines) {
					this.lines.add(line);
					this.lines.notifyAll();
				}
			}
		}
		catch (IOException ex) {
			// the process was killed: the output simply ends
		}
		finally {
			synchronized (this.lines) {
				this.outputEnded = true;
				this.lines.notifyAll();
			}
		}
	}
}
