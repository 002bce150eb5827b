package dev.uvi.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound for the whole test JVM when {@code uvi.blockhound=true} (core's surefire sets
 * it): any blocking call on a reactor-netty event-loop thread then fails the request that made it,
 * which the tests see. The contract says applications and the server never block an event loop.
 */
public final class BlockHoundInstaller implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (Boolean.getBoolean("uvi.blockhound")) {
			// install(...) also loads reactor's and reactor-netty's integrations, which mark their event loops
			BlockHound.install((builder) -> builder
				// logback appends synchronously in tests; production logging is the application's choice
				.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes")
				.allowBlockingCallsInside("ch.qos.logback.core.UnsynchronizedAppenderBase", "doAppend")
				.blockingMethodCallback((method) -> {
					throw new BlockingOperationError(method.toString());
				}));
		}
	}

	/** What a blocking call on an event loop throws in core's tests. */
	public static final class BlockingOperationError extends Error {

		private static final long serialVersionUID = 1L;

		BlockingOperationError(String method) {
			super("Blocking call on a non-blocking thread: " + method);
		}
	}
}
