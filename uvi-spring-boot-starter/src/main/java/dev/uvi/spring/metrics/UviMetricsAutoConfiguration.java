package dev.uvi.spring.metrics;

import dev.uvi.spring.autoconfigure.UviApplicationWrapper;
import dev.uvi.spring.autoconfigure.InvalidUviPropertyException;
import dev.uvi.spring.autoconfigure.UviProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Records the uvi server's work in the context's {@link MeterRegistry}, through its
 * {@link ObservationRegistry} when there is one (tracing then sees the requests too), else through a
 * private one wired to the meter registry. Only when Micrometer is on the classpath and a meter
 * registry exists; {@code uvi.metrics.enabled=false} turns it off.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, ObservationRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = { "uvi.enabled", "uvi.metrics.enabled" }, matchIfMissing = true)
@EnableConfigurationProperties(UviProperties.class)
public final class UviMetricsAutoConfiguration {

	@Bean
	MicrometerServerListener uviMicrometerServerListener(MeterRegistry meters,
			ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<UviServerRequestObservationConvention> convention) {
		ObservationRegistry registry = observations.getIfAvailable(() -> privateRegistry(meters));
		return new MicrometerServerListener(meters, registry, convention.getIfAvailable());
	}

	/** Without Boot's observation module there is no registry bean: this one only feeds the meters. */
	private static ObservationRegistry privateRegistry(MeterRegistry meters) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		return registry;
	}

	/** {@code uvi.metrics.prometheus-path}: the application also answers Prometheus at that path. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(PrometheusMeterRegistry.class)
	@ConditionalOnBean(PrometheusMeterRegistry.class)
	@ConditionalOnProperty("uvi.metrics.prometheus-path")
	static class PrometheusRouteConfiguration {

		@Bean
		UviApplicationWrapper uviPrometheusScrape(PrometheusMeterRegistry registry, UviProperties properties) {
			String path = properties.metrics().prometheusPath();
			if (path == null || !path.startsWith("/")) {
				throw new InvalidUviPropertyException("uvi.metrics.prometheus-path", "'" + path
						+ "' (expected: a path starting with '/', e.g. /metrics)", null);
			}
			return (application) -> new PrometheusScrapeMiddleware(application, registry, path);
		}
	}
}
