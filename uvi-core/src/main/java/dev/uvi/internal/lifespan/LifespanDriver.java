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
import dev.uvi.internal.StageFailure;
import dev.uvi.internal.http.ServerLoggers;
import dev.uvi.server.Lifespan;
import dev.uvi.server.LifespanMode;
import dev.uvi.server.LifespanStartupException;
import dev.uvi.server.UviConfig;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the ASGI lifespan protocol the way uvicorn's {@code lifespan/on.py} does: one long call of
 * the application with a {@link LifespanScope}; {@code lifespan.startup} before the socket is bound,
 * {@code lifespan.shutdown} after the connections are drained. In {@code auto} mode an application
 * that fails on the lifespan scope is taken as not supporting it; in {@code on} mode that fails the
 * startup. {@link Lifespan} hooks (the starter's lifespan beans) run around the application's own
 * lifespan: before its startup, after its shutdown.
 */
public final class LifespanDriver {

	private static final Logger logger = LoggerFactory.getLogger(ServerLoggers.ERROR);

	private final AsgiApplication application;

	private final LifespanMode mode;

	private final List<Lifespan> hooks;

	private final @Nullable Duration startupTimeout;

	private final @Nullable Duration shutdownTimeout;

	/** How many hooks started, so that exactly those are shut down. */
	private int hooksStarted;

	private final Map<String, Object> state = Collections.synchronizedMap(new LinkedHashMap<>());

	private final CompletableFuture<Void> startupDone = new CompletableFuture<>();

	private final CompletableFuture<Void> shutdownDone = new CompletableFuture<>();

	private final CompletableFuture<InboundMessage> shutdownRequested = new CompletableFuture<>();

	private boolean startupSent;

	private volatile boolean errorOccurred;

	private volatile @Nullable String startupFailure;

	private volatile boolean shutdownFailed;

	/**
	 * @param application the application, called with the lifespan scope unless the mode is off
	 * @param config the lifespan mode and timeouts
	 * @param hooks run before the application's startup and after its shutdown, whatever the mode
	 */
	public LifespanDriver(AsgiApplication application, UviConfig config, List<Lifespan> hooks) {
		this.application = application;
		this.mode = config.lifespan();
		this.hooks = List.copyOf(hooks);
		this.startupTimeout = config.timeoutLifespanStartup();
		this.shutdownTimeout = config.timeoutLifespanShutdown();
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
		if (this.mode == LifespanMode.OFF && this.hooks.isEmpty()) {
			return;
		}
		logger.info("Waiting for application startup.");
		long deadline = deadline(this.startupTimeout);
		for (Lifespan hook : this.hooks) {
			try {
				await(hook.startup(this.state), deadline, this.startupTimeout);
				this.hooksStarted++;
			}
			catch (Throwable ex) {
				logger.error("Lifespan '" + hook.name() + "' failed to start", StageFailure.cause(ex));
				logger.error("Application startup failed. Exiting.");
				shutdownHooks();
				throw new LifespanStartupException(
						"Lifespan '" + hook.name() + "' failed to start: " + StageFailure.cause(ex).getMessage(), StageFailure.cause(ex));
			}
		}
		if (this.mode == LifespanMode.OFF) {
			logger.info("Application startup complete.");
			return;
		}
		CompletionStage<Void> call;
		try {
			call = this.application.call(new LifespanScope(this.state), this::receive, this::send);
		}
		catch (Throwable ex) {
			call = CompletableFuture.failedFuture(ex);
		}
		call.whenComplete((ignored, error) -> applicationDone(error));
		try {
			await(this.startupDone, deadline, this.startupTimeout);
		}
		catch (TimeoutException ex) {
			this.startupFailure = "Application startup did not complete within " + this.startupTimeout
					+ " (uvi.timeout-lifespan-startup)";
			logger.error(this.startupFailure);
		}
		if (this.startupFailure != null || (this.errorOccurred && this.mode == LifespanMode.ON)) {
			logger.error("Application startup failed. Exiting.");
			shutdownHooks();
			throw new LifespanStartupException((this.startupFailure != null) ? this.startupFailure
					: "Exception in 'lifespan' protocol (uvi.lifespan=on)");
		}
		logger.info("Application startup complete.");
	}

	/** Sends {@code lifespan.shutdown} and waits for the answer; skipped when the application has left the protocol. */
	public void shutdown() {
		boolean application = this.mode != LifespanMode.OFF && !this.errorOccurred && this.startupDone.isDone();
		if (!application && this.hooksStarted == 0) {
			return;
		}
		logger.info("Waiting for application shutdown.");
		if (application) {
			this.shutdownRequested.complete(new LifespanShutdown());
			try {
				await(this.shutdownDone, deadline(this.shutdownTimeout), this.shutdownTimeout);
			}
			catch (TimeoutException ex) {
				logger.error("Application shutdown did not complete within {} (uvi.timeout-lifespan-shutdown)",
						this.shutdownTimeout);
				this.shutdownFailed = true;
			}
		}
		boolean hooksFailed = !shutdownHooks();
		if (this.shutdownFailed || hooksFailed || (this.errorOccurred && this.mode == LifespanMode.ON)) {
			logger.error("Application shutdown failed. Exiting.");
		}
		else {
			logger.info("Application shutdown complete.");
		}
	}

	/** Shuts the started hooks down in reverse order; a failing one is logged and the rest still run. */
	private boolean shutdownHooks() {
		boolean clean = true;
		long deadline = deadline(this.shutdownTimeout);
		while (this.hooksStarted > 0) {
			Lifespan hook = this.hooks.get(--this.hooksStarted);
			try {
				await(hook.shutdown(this.state), deadline, this.shutdownTimeout);
			}
			catch (Throwable ex) {
				logger.error("Lifespan '" + hook.name() + "' failed to shut down", StageFailure.cause(ex));
				clean = false;
			}
		}
		return clean;
	}

	private static long deadline(@Nullable Duration timeout) {
		return (timeout != null) ? System.nanoTime() + timeout.toNanos() : Long.MAX_VALUE;
	}

	/** Waits for the stage until the deadline (none when the timeout is unset). */
	private static void await(CompletionStage<?> stage, long deadline, @Nullable Duration timeout)
			throws TimeoutException {
		CompletableFuture<?> future = stage.toCompletableFuture();
		if (timeout == null) {
			future.join();
			return;
		}
		try {
			future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CompletionException(ex);
		}
		catch (ExecutionException ex) {
			throw new CompletionException(ex.getCause());
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
			Throwable cause = StageFailure.cause(error);
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
