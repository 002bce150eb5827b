package dev.uvi.internal.server;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.internal.http.HttpBridge;
import dev.uvi.internal.http.ServerLoggers;
import dev.uvi.internal.lifespan.LifespanDriver;
import dev.uvi.middleware.MessageLoggerMiddleware;
import dev.uvi.server.Lifespan;
import dev.uvi.server.PortInUseException;
import dev.uvi.server.TlsConfig;
import dev.uvi.server.UviConfig;
import dev.uvi.server.UviServer;
import dev.uvi.server.UviServerException;
import dev.uvi.server.UviServerListener;
import dev.uvi.server.UviServerListener.LifespanState;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.ChannelBindException;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.SslProvider;

/**
 * {@link UviServer} on reactor-netty. Start: lifespan startup, then bind. Shutdown, uvicorn's order:
 * close WebSockets with 1012, stop accepting, close idle keep-alive connections and wait for
 * in-flight requests (the channel group makes reactor-netty's {@code disposeNow} do that), cancel
 * what is left after the timeout, lifespan shutdown, then free the event loops.
 */
public final class NettyUviServer implements UviServer {

	private static final Logger logger = LoggerFactory.getLogger(ServerLoggers.ERROR);

	/** reactor-netty's {@code disposeNow} wants a bound: a century is "as long as it takes". */
	private static final Duration FOREVER = Duration.ofDays(36500);

	/** How long cancelled requests get to write their 500 before reactor-netty closes their connections. */
	private static final Duration CANCEL_GRACE = Duration.ofSeconds(1);

	private final UviConfig config;

	private final AsgiApplication application;

	private final LifespanDriver lifespan;

	private final CompletableFuture<Void> terminated = new CompletableFuture<>();

	private @Nullable LoopResources loops;

	private @Nullable ChannelGroup channels;

	private @Nullable HttpBridge bridge;

	private volatile @Nullable DisposableServer bound;

	private volatile @Nullable SslProvider sslProvider;

	public NettyUviServer(UviConfig config, AsgiApplication application, List<Lifespan> lifespans) {
		this.config = config;
		this.application = withMessageLogger(application);
		this.lifespan = new LifespanDriver(this.application, config, lifespans);
	}

	/** {@link UviServer#warmup()}: see {@link ServerWarmup}. */
	public static void warmup() {
		ServerWarmup.run();
	}

	/** uvicorn's {@code message_logger}: every message in and out, when {@code uvi.asgi} is at TRACE at creation. */
	private static AsgiApplication withMessageLogger(AsgiApplication application) {
		return MessageLoggerMiddleware.isEnabled() ? new MessageLoggerMiddleware(application) : application;
	}

	@Override
	public synchronized UviServer start() {
		if (this.bound != null) {
			throw new IllegalStateException("server already started");
		}
		logger.info("Started server process [{}]", ProcessHandle.current().pid());
		ServerWarmup.skip(); // waits for a warm-up in progress: the two never initialise Netty side by side
		TlsConfig tls = this.config.tls();
		if (tls != null) {
			// bad TLS fails before the application starts
			this.sslProvider = TlsContexts.provider(tls, ServerPipeline.h2(this.config));
		}
		startLifespan();
		LoopResources loops = LoopResources.create("uvi-http", this.config.workers(), true);
		ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
		HttpBridge bridge = new HttpBridge(this.config, this.application, this.lifespan::state, requestLimit(),
				this::requestLimitReached);
		HttpServer server = ServerPipeline.create(this.config, bridge, loops, channels);
		if (tls != null) {
			// each new handshake asks for the current provider, so reloadTls reaches new connections at once
			server = server.secure((spec) -> spec.sslContext(this.sslProvider.getSslContext())
				.setSniAsyncMappings((host, promise) -> promise.setSuccess(this.sslProvider)));
		}
		if (this.config.uds() != null) {
			UnixSocket.removeStale(this.config.uds());
		}
		try {
			this.bound = server.bindNow();
		}
		catch (ChannelBindException ex) {
			loops.dispose();
			shutdownLifespan(); // the application started its resources: let it release them
			throw bindFailure(ex);
		}
		this.loops = loops;
		this.channels = channels;
		this.bridge = bridge;
		if (this.config.uds() != null) {
			UnixSocket.setPermissions(this.config.uds(), this.config.udsPermissions());
		}
		logger.info("Uvi running on {} (Press CTRL+C to quit)", url());
		return this;
	}

	private void startLifespan() {
		UviServerListener listener = this.config.listener();
		listener.lifespan(LifespanState.STARTING);
		try {
			this.lifespan.startup();
		}
		catch (RuntimeException ex) {
			listener.lifespan(LifespanState.FAILED);
			throw ex;
		}
		listener.lifespan(LifespanState.STARTED);
	}

	private void shutdownLifespan() {
		this.config.listener().lifespan(LifespanState.STOPPING);
		this.lifespan.shutdown();
		this.config.listener().lifespan(LifespanState.STOPPED);
	}

	@Override
	public void reloadTls(TlsConfig tls) {
		if (this.sslProvider == null) {
			throw new IllegalStateException("TLS is not on: reloadTls needs a server started with TLS");
		}
		this.sslProvider = TlsContexts.provider(tls, this.config.http2().enabled());
		logger.info("TLS material reloaded; new connections use it");
	}

	@Override
	public int port() {
		DisposableServer server = this.bound;
		if (server == null) {
			throw new IllegalStateException("server not started");
		}
		return (this.config.uds() != null) ? -1 : server.port();
	}

	@Override
	public boolean isRunning() {
		return this.bound != null && !this.terminated.isDone();
	}

	@Override
	public void shutdown() {
		shutdown(this.config.timeoutGracefulShutdown());
	}

	@Override
	public synchronized void shutdown(@Nullable Duration timeout) {
		DisposableServer server = this.bound;
		HttpBridge bridge = this.bridge;
		ChannelGroup channels = this.channels;
		if (server == null || bridge == null || channels == null || this.terminated.isDone()) {
			return;
		}
		logger.info("Shutting down");
		bridge.closeWebSockets(); // open WebSockets would hold the drain until the timeout
		bridge.drain();
		// reactor-netty closes every connection when disposeNow times out, so the cancellation (a 500
		// for responses not started yet) has to happen before that: at the timeout, with a grace after it.
		AtomicBoolean drained = new AtomicBoolean();
		if (timeout != null) {
			CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
				if (!drained.get()) {
					bridge.cancelInFlight(channels, (count) -> {
						if (count > 0) { // uvicorn says it only when tasks remain
							logger.error("Cancel {} running task(s), timeout graceful shutdown exceeded", count);
						}
					});
				}
			});
		}
		try {
			// unbinds, closes idle keep-alive connections, waits for in-flight requests (the channel group)
			server.disposeNow((timeout != null) ? timeout.plus(CANCEL_GRACE) : FOREVER);
		}
		catch (IllegalStateException ex) {
			channels.close().awaitUninterruptibly();
		}
		drained.set(true);
		shutdownLifespan();
		if (this.config.uds() != null) {
			UnixSocket.removeStale(this.config.uds());
		}
		if (this.loops != null) {
			this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(5));
		}
		logger.info("Finished server process [{}]", ProcessHandle.current().pid());
		this.terminated.complete(null);
	}

	@Override
	public CompletionStage<Void> terminated() {
		return this.terminated;
	}

	private long requestLimit() {
		int limit = this.config.limitMaxRequests();
		int jitter = this.config.limitMaxRequestsJitter();
		return (limit == 0) ? 0 : limit + ((jitter > 0) ? ThreadLocalRandom.current().nextInt(jitter + 1) : 0);
	}

	/** uvicorn's {@code --limit-max-requests}: a graceful shutdown, off the event loop that saw the limit. */
	private void requestLimitReached() {
		logger.info("Maximum request limit of {} exceeded. Terminating process.", this.config.limitMaxRequests());
		Thread shutdown = new Thread(this::shutdown, "uvi-max-requests");
		shutdown.setDaemon(false);
		shutdown.start();
	}

	private String url() {
		if (this.config.uds() != null) {
			return "unix socket " + this.config.uds();
		}
		String host = this.config.host();
		String scheme = (this.config.tls() != null) ? "https" : "http";
		return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
	}

	private RuntimeException bindFailure(ChannelBindException ex) {
		Throwable cause = ex.getCause();
		// NIO raises a BindException, epoll a NativeIoException ("bind(..) failed with error(-98): Address already in use")
		if (cause instanceof IOException && String.valueOf(cause.getMessage()).contains("in use")) {
			return new PortInUseException(this.config.host(), this.config.port(), ex);
		}
		return new UviServerException("Cannot bind " + this.config.host() + ":" + this.config.port() + ": "
				+ ((cause != null) ? cause.getMessage() : ex.getMessage()), ex);
	}
}
