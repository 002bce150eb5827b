package dev.uvi.spring.ssl;

import dev.uvi.server.TlsConfig;
import dev.uvi.server.UviConfig;
import dev.uvi.spring.autoconfigure.UviConfigCustomizer;
import dev.uvi.spring.lifecycle.UviServerStartedEvent;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * {@code uvi.ssl.bundle}: serves TLS from a Spring SSL bundle (PEM or JKS/PKCS#12) and, when Spring
 * reloads the bundle ({@code reload-on-update: true}), hands the new key material to the running
 * server so that new handshakes get the new certificate without a restart (Spring Boot's own Netty
 * server does the same).
 */
public final class SslBundleTls implements UviConfigCustomizer, Ordered, ApplicationListener<UviServerStartedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(SslBundleTls.class);

	private final SslBundles bundles;

	private final String name;

	private final UnaryOperator<TlsConfig> options;

	/**
	 * @param bundles Spring's SSL bundles
	 * @param name the bundle to serve
	 * @param options applies the {@code uvi.ssl.*} options (client certificates, ciphers, protocols)
	 */
	public SslBundleTls(SslBundles bundles, String name, UnaryOperator<TlsConfig> options) {
		this.bundles = bundles;
		this.name = name;
		this.options = options;
	}

	/** Runs after the properties mapper, so the bundle wins over PEM files. */
	@Override
	public int getOrder() {
		return 1;
	}

	@Override
	public void customize(UviConfig.Builder builder) {
		builder.tls(tlsConfig(this.bundles.getBundle(this.name)));
	}

	@Override
	public void onApplicationEvent(UviServerStartedEvent event) {
		this.bundles.addBundleUpdateHandler(this.name, (bundle) -> {
			try {
				event.server().reloadTls(tlsConfig(bundle));
			}
			catch (RuntimeException ex) {
				logger.error("SSL bundle '{}' was updated but cannot be used; the previous one stays in use", this.name,
						ex);
			}
		});
	}

	private TlsConfig tlsConfig(SslBundle bundle) {
		TlsConfig tls = TlsConfig.managers(bundle.getManagers().getKeyManagerFactory(),
				bundle.getManagers().getTrustManagerFactory());
		tls = tls.withCiphersAndProtocols(list(bundle.getOptions().getCiphers()),
				list(bundle.getOptions().getEnabledProtocols()));
		return this.options.apply(tls);
	}

	private static List<String> list(String[] values) {
		return (values != null) ? Arrays.asList(values) : List.of();
	}
}
