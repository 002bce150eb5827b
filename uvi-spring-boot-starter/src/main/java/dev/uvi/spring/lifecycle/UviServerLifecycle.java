package dev.uvi.spring.lifecycle;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.server.UviConfig;
import dev.uvi.server.ExitOnSignal;
import dev.uvi.server.Lifespan;
import dev.uvi.server.LifespanStartupException;
import dev.uvi.server.PortInUseException;
import dev.uvi.server.UviServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Runs one {@link UviServer} with the Spring context: binds during refresh, so a port clash or a
 * failed lifespan startup fails the application, and drains on close. Its phase puts the bind
 * before, and the drain after, every default-phase bean. A non-daemon {@code uvi-server} thread
 * keeps the JVM alive while the server runs, since reactor-netty's event loops are daemon threads.
 */
public final class UviServerLifecycle implements SmartLifecycle, DisposableBean {

	/** Spring Boot's web server start/stop phase: start before, stop after, the default phase. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

	/** The property holding the bound port, for {@code uvi.port=0}; Boot's {@code local.server.port} is left alone. */
	public static final String PORT_PROPERTY = "local.uvi.port";

	static final String PORT_PROPERTY_SOURCE = "uvi.ports";

	private final Supplier<UviConfig> config;

	private final Supplier<List<Lifespan>> lifespans;

	private final AsgiApplication application;

	private final ConfigurableEnvironment environment;

	private final ApplicationEventPublisher publisher;

	private final Object monitor = new Object();

	private volatile @Nullable UviServer server;

	private volatile @Nullable UviConfig startedConfig;

	/**
	 * @param config builds the configuration at each start (customizers applied)
	 * @param lifespans the lifespan hooks (beans), in order
	 * @param application the application to serve
	 * @param environment where {@value #PORT_PROPERTY} is published
	 * @param publisher where {@link UviServerStartedEvent} is published
	 */
	public UviServerLifecycle(Supplier<UviConfig> config, Supplier<List<Lifespan>> lifespans,
			AsgiApplication application, ConfigurableEnvironment environment, ApplicationEventPublisher publisher) {
		this.config = config;
		this.lifespans = lifespans;
		this.application = application;
		this.environment = environment;
		this.publisher = publisher;
	}

	@Override
	public void start() {
		UviConfig config;
		UviServer server;
		synchronized (this.monitor) {
			if (this.server != null) {
				return;
			}
			config = this.config.get();
			ShutdownPhaseCheck.warnIfShorter(config, this.environment);
			try {
				server = UviServer.create(config, this.application, this.lifespans.get()).start();
			}
			catch (LifespanStartupException | PortInUseException ex) {
				throw new UviStartupException(ex);
			}
			ExitOnSignal.install();
			this.server = server;
			this.startedConfig = config;
			publishPort(server.port());
			startAwaitThread(server);
		}
		this.publisher.publishEvent(new UviServerStartedEvent(server, config));
	}

	/** Like Spring Boot's graceful shutdown lifecycle: stopping is asynchronous, through {@link #stop(Runnable)}. */
	@Override
	public void stop() {
		throw new UnsupportedOperationException("Stop must not be invoked directly");
	}

	@Override
	public void stop(Runnable callback) {
		UviServer server;
		synchronized (this.monitor) {
			server = this.server;
			this.server = null;
		}
		if (server == null) {
			callback.run();
			return;
		}
		Thread shutdown = new Thread(() -> {
			try {
				server.shutdown(); // bounded by uvi.timeout-graceful-shutdown, and by Spring's phase timeout
			}
			finally {
				callback.run();
			}
		}, "uvi-shutdown");
		shutdown.start();
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public boolean isPauseable() {
		return false;
	}

	/** A safety net when the context is destroyed without being stopped (a failed refresh): frees the port at once. */
	@Override
	public void destroy() {
		UviServer server;
		synchronized (this.monitor) {
			server = this.server;
			this.server = null;
		}
		if (server != null) {
			server.shutdown(Duration.ZERO);
		}
	}

	/** @return the configuration of the last start, or null before the first */
	public @Nullable UviConfig config() {
		return this.startedConfig;
	}

	private void publishPort(int port) {
		MutablePropertySources sources = this.environment.getPropertySources();
		PropertySource<?> source = sources.get(PORT_PROPERTY_SOURCE);
		if (source instanceof MapPropertySource mapSource) {
			mapSource.getSource().put(PORT_PROPERTY, port);
		}
		else {
			Map<String, Object> ports = new HashMap<>();
			ports.put(PORT_PROPERTY, port);
			sources.addFirst(new MapPropertySource(PORT_PROPERTY_SOURCE, ports));
		}
	}

	/** Boot's {@code NettyWebServer} does the same: one non-daemon thread per server, ending with it. */
	private void startAwaitThread(UviServer server) {
		CountDownLatch terminated = new CountDownLatch(1);
		server.terminated().whenComplete((result, failure) -> terminated.countDown());
		Thread await = new Thread(() -> {
			try {
				terminated.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "uvi-server");
		await.setContextClassLoader(getClass().getClassLoader());
		await.setDaemon(false);
		await.start();
	}
}
