package dev.uvi.internal.lifespan;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.InboundMessage;
import dev.uvi.asgi.LifespanScope;
import dev.uvi.asgi.LifespanShutdown;
import dev.uvi.asgi.LifespanShutdownComplete;
import dev.uvi.asgi.LifespanShutdownFailed;
import dev.uvi.asgi.LifespanStartup;
import dev.uvi.asgi.LifespanStartupComplete;
import dev.uvi.asgi.LifespanStartupFailed;
import dev.uvi.asgi.OutboundMessage;
import dev.uvi.internal.http.ServerLoggers;
import dev.uvi.server.LifespanMode;
import dev.uvi.server.LifespanStartupException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the ASGI lifespan protocol the way uvicorn's {@code lifespan/on.py} does: one long call of
 * the application with a {@link LifespanScope}; {@code lifespan.startup} before the socket is bound,
 * {@code lifespan.shutdown} after the connections are drained. In {@code auto} mode an application
 * that fails on the lifespan scope is taken as not supporting it; in {@code on} mode that fails the
 * startup.
 */
public final class LifespanDriver {

	private static final Logger logger = LoggerFactory.getLogger(ServerLoggers.ERROR);

	private final AsgiApplication application;

	private final LifespanMode mode;

	private final Map<String, Object> state = Collections.synchronizedMap(new LinkedHashMap<>());

	private final CompletableFuture<Void> startupDone = new CompletableFuture<>();

	private final CompletableFuture<Void> shutdownDone = new CompletableFuture<>();

	private final CompletableFuture<InboundMessage> shutdownRequested = new CompletableFuture<>();

	private boolean startupSent;

	private volatile boolean errorOccurred;

	private volatile @Nullable String startupFailure;

	private volatile boolean shutdownFailed;

	public LifespanDriver(AsgiApplication application, LifespanMode mode) {
		this.application = application;
		this.mode = mode;
	}

	/** @return the lifespan state: filled by the application at startup, copied into every request scope */
	public Map<String, Object> state() {
		return this.state;
	}

	/**
	 * Sends {@code lifespan.startup} and waits for the answer.
	 * @throws LifespanStartupException when the application reports a failure, or fails in {@code on} mode
	 */
	public void startup() {
		if (this.mode == LifespanMode.OFF) {
			return;
		}
		logger.info("Waiting for application startup.");
		CompletionStage<Void> call;
		try {
			call = this.application.call(new LifespanScope(this.state), this::receive, this::send);
		}
		catch (Throwable ex) {
			call = CompletableFuture.failedFuture(ex);
		}
		call.whenComplete((ignored, error) -> applicationDone(error));
		this.startupDone.join();
		if (this.startupFailure != null || (this.errorOccurred && this.mode == LifespanMode.ON)) {
			logger.error("Application startup failed. Exiting.");
			throw new LifespanStartupException((this.startupFailure != null) ? this.startupFailure
					: "Exception in 'lifespan' protocol (uvi.lifespan=on)");
		}
		logger.info("Application startup complete.");
	}

	/** Sends {@code lifespan.shutdown} and waits for the answer; skipped when the application has left the protocol. */
	public void shutdown() {
		if (this.mode == LifespanMode.OFF || this.errorOccurred || !this.startupDone.isDone()) {
			return;
		}
		logger.info("Waiting for application shutdown.");
		this.shutdownRequested.complete(new LifespanShutdown());
		this.shutdownDone.join();
		if (this.shutdownFailed || (this.errorOccurred && this.mode == LifespanMode.ON)) {
			logger.error("Application shutdown failed. Exiting.");
		}
		else {
			logger.info("Application shutdown complete.");
		}
	}

	private synchronized CompletionStage<InboundMessage> receive() {
		if (!this.startupSent) {
			this.startupSent = true;
			return CompletableFuture.completedFuture(new LifespanStartup());
		}
		return this.shutdownRequested;
	}

	private CompletionStage<Void> send(OutboundMessage message) {
		if (message instanceof LifespanStartupComplete && !this.startupDone.isDone()) {
			this.startupDone.complete(null);
		}
		else if (message instanceof LifespanStartupFailed failed && !this.startupDone.isDone()) {
			if (!failed.message().isEmpty()) {
				logger.error(failed.message());
			}
			this.startupFailure = failed.message().isEmpty() ? "lifespan.startup.failed" : failed.message();
			this.startupDone.complete(null);
		}
		else if (message instanceof LifespanShutdownComplete && this.shutdownRequested.isDone()) {
			this.shutdownDone.complete(null);
		}
		else if (message instanceof LifespanShutdownFailed failed && this.shutdownRequested.isDone()) {
			if (!failed.message().isEmpty()) {
				logger.error(failed.message());
			}
			this.shutdownFailed = true;
			this.shutdownDone.complete(null);
		}
		else {
			return CompletableFuture.failedFuture(
					new IllegalStateException("Unexpected ASGI message '" + message.type() + "' in lifespan."));
		}
		return CompletableFuture.completedFuture(null);
	}

	private void applicationDone(@Nullable Throwable error) {
		if (error != null) {
			Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause()
					: error;
			this.errorOccurred = true;
			if (this.startupFailure == null && !this.shutdownFailed) {
				if (this.mode == LifespanMode.AUTO) {
					logger.info("ASGI 'lifespan' protocol appears unsupported.");
				}
				else {
					logger.error("Exception in 'lifespan' protocol", cause);
				}
			}
		}
		this.startupDone.complete(null);
		this.shutdownDone.complete(null);
	}
}
