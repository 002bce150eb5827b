package dev.uvi.server;

import dev.uvi.internal.http.ServerLoggers;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * uvicorn's signal behaviour for a JVM: the first SIGTERM or SIGINT exits with code 0 once the
 * shutdown hooks (a Spring context's close, a runner's graceful shutdown) have drained the server,
 * so systemd and Kubernetes see a clean stop instead of the JVM's 143; a second SIGINT during that
 * drain stops at once (exit code 130), as a second Ctrl+C does in uvicorn.
 */
public final class ExitOnSignal {

	private static final Logger logger = LoggerFactory.getLogger(ServerLoggers.ERROR);

	private static final AtomicBoolean installed = new AtomicBoolean();

	private static final AtomicBoolean exiting = new AtomicBoolean();

	private ExitOnSignal() {
	}

	/** Installs the handlers once per JVM; later calls do nothing. */
	public static void install() {
		if (!installed.compareAndSet(false, true)) {
			return;
		}
		try {
			Signal.handle(new Signal("TERM"), (signal) -> exit(false));
			Signal.handle(new Signal("INT"), (signal) -> exit(true));
		}
		catch (IllegalArgumentException ex) {
			logger.debug("Signal handlers not installed: {}", ex.getMessage()); // e.g. SIGINT ignored by nohup
		}
	}

	private static void exit(boolean interrupt) {
		if (exiting.compareAndSet(false, true)) {
			Thread exit = new Thread(() -> System.exit(0), "uvi-exit");
			exit.setDaemon(false);
			exit.start();
		}
		else if (interrupt) {
			logger.warn("Second interrupt: stopping at once");
			Runtime.getRuntime().halt(130);
		}
	}
}
