package dev.uvi.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real JVM started with this test JVM's java binary and a classpath, its stdout and stderr read
 * line by line as they come, so a test can wait (with a deadline) for a log line such as
 * "Uvi running on http://127.0.0.1:41234".
 */
public final class JavaProcess implements AutoCloseable {

	private final Process process;

	private final List<String> out = new ArrayList<>();

	private final List<String> err = new ArrayList<>();

	private final List<Thread> readers = new ArrayList<>();

	private JavaProcess(Process process) {
		this.process = process;
		read(process.getInputStream(), this.out, "stdout");
		read(process.getErrorStream(), this.err, "stderr");
	}

	/** @return a started {@code java -cp <classpath> <arguments>} */
	public static JavaProcess start(List<String> classpath, String... arguments) throws IOException {
		String java = ProcessHandle.current().info().command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		List<String> command = new ArrayList<>(List.of(java, "-cp", String.join(File.pathSeparator, classpath)));
		command.addAll(Arrays.asList(arguments));
		return new JavaProcess(new ProcessBuilder(command).start());
	}

	/**
	 * @return the test classpath, entry by entry; Surefire runs tests from a manifest-only jar and keeps
	 *     the real classpath in {@code surefire.test.class.path}
	 */
	public static List<String> testClasspath() {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return List.of(classpath.split(File.pathSeparator));
	}

	/** @return the first group of the first line (stdout or stderr) matching {@code pattern} */
	public String awaitGroup(Pattern pattern, Duration timeout) throws InterruptedException {
		String line = awaitLine((candidate) -> pattern.matcher(candidate).find(), timeout);
		Matcher matcher = pattern.matcher(line);
		matcher.find();
		return matcher.group(1);
	}

	/** @return the exit code, once the process has ended and its output is read, within {@code timeout} */
	public int awaitExit(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("Still running after " + timeout + ":\n" + output());
		}
		for (Thread reader : this.readers) {
			reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
		}
		return this.process.exitValue();
	}

	/**
	 * Sends SIGTERM. Through the {@link ProcessHandle}: {@link Process#destroy()} sends the same signal
	 * but also closes our ends of the pipes, and the shutdown's log lines would be lost.
	 */
	public void terminate() {
		this.process.toHandle().destroy();
	}

	/** @return the lines written to stderr so far */
	public List<String> stderr() {
		synchronized (this) {
			return List.copyOf(this.err);
		}
	}

	/** @return everything written so far, for failure messages */
	public String output() {
		synchronized (this) {
			return "stdout:\n" + String.join("\n", this.out) + "\nstderr:\n" + String.join("\n", this.err);
		}
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

	private String awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			// checked before the scan: once the process and both readers are done, no line can come
			boolean finished = !this.process.isAlive() && this.readers.stream().noneMatch(Thread::isAlive);
			synchronized (this) {
				for (String line : concat(this.out, this.err)) {
					if (matches.test(line)) {
						return line;
					}
				}
				long left = deadline - System.nanoTime();
				if (finished || left <= 0) {
					throw new AssertionError("No such line within " + timeout + ":\n" + output());
				}
				wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
			}
		}
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private void read(InputStream stream, List<String> lines, String name) {
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					synchronized (this) {
						lines.add(line);
						notifyAll();
					}
				}
			}
			catch (IOException ex) {
				// the process is gone
			}
		}, "java-process-" + name);
		reader.setDaemon(true);
		reader.start();
		this.readers.add(reader);
	}
}
