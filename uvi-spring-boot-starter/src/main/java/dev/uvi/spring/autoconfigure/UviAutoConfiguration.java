package dev.uvi.spring.autoconfigure;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.server.UviConfig;
import dev.uvi.server.UviServer;
import dev.uvi.server.UviServerListener;
import dev.uvi.spring.lifecycle.ReadinessOnContextClose;
import dev.uvi.spring.lifecycle.NamedLifespan;
import dev.uvi.spring.ssl.SslBundleTls;
import dev.uvi.spring.lifecycle.UviServerLifecycle;
import java.util.Arrays;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runs the context's one {@link AsgiApplication} bean on a uvi server configured from
 * {@code uvi.*} properties and {@link UviConfigCustomizer} beans. {@code uvi.enabled=false} turns
 * it off; a {@link UviServerLifecycle} bean of your own replaces the server's lifecycle.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
@ConditionalOnClass(UviServer.class)
@ConditionalOnBooleanProperty(name = "uvi.enabled", matchIfMissing = true)
@EnableConfigurationProperties(UviProperties.class)
public final class UviAutoConfiguration {

	@Bean
	PropertiesUviConfigCustomizer propertiesUviConfigCustomizer(UviProperties properties) {
		return new PropertiesUviConfigCustomizer(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	UviServerLifecycle uviServerLifecycle(ListableBeanFactory beans, ObjectProvider<UviConfigCustomizer> customizers,
			ObjectProvider<UviServerListener> listeners, ObjectProvider<UviApplicationWrapper> wrappers,
			ConfigurableEnvironment environment, ApplicationEventPublisher publisher) {
		return new UviServerLifecycle(() -> config(customizers, listeners), () -> NamedLifespan.ordered(beans),
				wrapped(application(beans), wrappers), environment, publisher);
	}

	@Bean
	@ConditionalOnProperty(name = "uvi.ssl.bundle")
	SslBundleTls uviSslBundleTls(SslBundles bundles, UviProperties properties) {
		return new SslBundleTls(bundles, properties.ssl().bundle(),
				(tls) -> PropertiesUviConfigCustomizer.options(tls, properties.ssl()));
	}

	@Bean
	ReadinessOnContextClose uviReadinessOnContextClose(ApplicationContext context) {
		return new ReadinessOnContextClose(context);
	}

	/** Like Spring Boot's reactive web context with its {@code HttpHandler}: exactly one, by type, no guessing. */
	private static AsgiApplication application(ListableBeanFactory beans) {
		String[] names = beans.getBeanNamesForType(AsgiApplication.class);
		if (names.length != 1) {
			throw new AsgiApplicationBeanException(Arrays.asList(names));
		}
		return beans.getBean(names[0], AsgiApplication.class);
	}

	private static AsgiApplication wrapped(AsgiApplication application, ObjectProvider<UviApplicationWrapper> wrappers) {
		AsgiApplication wrapped = application;
		for (UviApplicationWrapper wrapper : wrappers.orderedStream().toList()) {
			wrapped = wrapper.wrap(wrapped);
		}
		return wrapped;
	}

	/** {@link UviServerListener} beans (the metrics, for one) are all told, in order; customizers may replace them. */
	private static UviConfig config(ObjectProvider<UviConfigCustomizer> customizers,
			ObjectProvider<UviServerListener> listeners) {
		UviConfig.Builder builder = UviConfig.builder().listener(UviServerListener.of(listeners.orderedStream().toList()));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}
}
