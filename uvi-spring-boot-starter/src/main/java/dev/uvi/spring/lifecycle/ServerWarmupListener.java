package dev.uvi.spring.lifecycle;

import dev.uvi.server.UviServer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.core.NativeDetector;
import org.springframework.core.Ordered;
import org.springframework.core.SpringProperties;

/**
 * Runs {@link UviServer#warmup()} before the context refreshes when the run ends with the refresh,
 * where the server never starts: Spring's CDS training run ({@code -Dspring.context.exit=onRefresh})
 * or a CRaC checkpoint ({@code -Dspring.context.checkpoint=onRefresh}). The archive or checkpoint
 * then also holds what binding and a first request need, about 0.4 s of a CDS start on two cores.
 * Nothing with {@code uvi.enabled=false} or in a native image. Warming up on another core during
 * ordinary starts was measured and left out: on two cores the main thread lost what the server gained.
 */
final class ServerWarmupListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	private final Runnable warmup;

	private final Function<String, @Nullable String> systemProperties;

	/** Instantiated from {@code META-INF/spring.factories}. */
	ServerWarmupListener() {
		this(NativeDetector.inNativeImage() ? () -> {
		} : UviServer::warmup, SpringProperties::getProperty);
	}

	ServerWarmupListener(Runnable warmup, Function<String, @Nullable String> systemProperties) {
		this.warmup = warmup;
		this.systemProperties = systemProperties;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if ((onRefresh(DefaultLifecycleProcessor.EXIT_PROPERTY_NAME)
				|| onRefresh(DefaultLifecycleProcessor.CHECKPOINT_PROPERTY_NAME))
				&& event.getEnvironment().getProperty("uvi.enabled", Boolean.class, true)) {
			this.warmup.run();
		}
	}

	/** After the logging system is set up, so that Netty's first loggers find it. */
	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	private boolean onRefresh(String property) {
		return DefaultLifecycleProcessor.ON_REFRESH_VALUE.equalsIgnoreCase(this.systemProperties.apply(property));
	}
}
