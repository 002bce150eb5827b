package dev.uvi.sample.process;

import dev.uvi.testing.RawHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A kept-alive connection that never goes idle: a writer thread keeps up to {@value #WINDOW}
 * {@code GET /health/ready} requests pipelined ahead of a reader thread, which records each answer as
 * {@code "<status> <body>"} until the server closes the connection. A graceful shutdown closes idle
 * keep-alive connections at once, so only a busy one shows what readiness answers once shutdown has
 * begun; pipelining takes this client's own turnaround out of that race.
 */
final class PipelinedReadiness implements AutoCloseable {

	private static final int WINDOW = 32;

	private static final String READY = "GET /health/ready HTTP/1.1\r\nHost: x\r\n\r\n";

	private final RawHttpClient client;

	private final Semaphore window = new Semaphore(WINDOW);

	private final List<String> answers = Collections.synchronizedList(new ArrayList<>());

	private final CountDownLatch firstAnswer = new CountDownLatch(1);

	private final CompletableFuture<List<String>> closed = new CompletableFuture<>();

	private final Thread writer;

	private PipelinedReadiness(RawHttpClient client) {
		this.client = client;
		this.writer = new Thread(this::write, "pipelined-readiness-writer");
		this.writer.setDaemon(true);
		Thread reader = new Thread(this::read, "pipelined-readiness-reader");
		reader.setDaemon(true);
		this.writer.start();
		reader.start();
	}

	/** Connects and starts pipelining; returns once the first answer is in. */
	static PipelinedReadiness start(int port) throws IOException, InterruptedException {
		PipelinedReadiness readiness = new PipelinedReadiness(RawHttpClient.connect(port, Duration.ofSeconds(10)));
		if (!readiness.firstAnswer.await(10, TimeUnit.SECONDS)) {
			readiness.close();
			throw new AssertionError("no answer to /health/ready within 10 s");
		}
		return readiness;
	}

	/** @return every answer so far */
	List<String> answers() {
		synchronized (this.answers) {
			return List.copyOf(this.answers);
		}
	}

	/** @return every answer, once the server has closed the connection; fails after {@code timeout} */
	List<String> awaitClosed(Duration timeout) throws Exception {
		return this.closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		this.writer.interrupt();
		try {
			this.client.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	private void write() {
		try {
			while (true) {
				this.window.acquire();
				this.client.send(READY);
			}
		}
		catch (IOException | InterruptedException ex) {
			// the server closed the connection, or the test is over
		}
	}

	private void read() {
		try {
			while (true) {
				RawHttpClient.Response response = this.client.readResponse();
				this.answers.add(response.status() + " " + response.bodyText());
				this.firstAnswer.countDown();
				this.window.release();
				if ("close".equals(response.header("connection"))) {
					break;
				}
			}
		}
		catch (IOException ex) {
			// closed by the server between two answers
		}
		this.writer.interrupt();
		this.closed.complete(answers());
	}
}
