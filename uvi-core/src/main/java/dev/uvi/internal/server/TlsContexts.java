package dev.uvi.internal.server;

import dev.uvi.server.TlsConfig;
import dev.uvi.server.UviServerException;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.tcp.SslProvider;

/**
 * Turns a {@link TlsConfig} into reactor-netty's {@link SslProvider}, failing with one line that
 * names the property when a file is missing or unreadable, a password is wrong, or the key does not
 * belong to the certificate (checked by a handshake in memory, see {@link TlsSelfCheck}).
 */
final class TlsContexts {

	private TlsContexts() {
	}

	/**
	 * @param http2 true to offer {@code h2} through ALPN
	 * @throws UviServerException naming the {@code ssl.*} property at fault
	 */
	static SslProvider provider(TlsConfig tls, boolean http2) {
		if (tls.keyManagers() == null) {
			readable("ssl.certfile", tls.certfile());
			readable("ssl.keyfile", tls.keyfile());
		}
		readable("ssl.ca-certs", tls.caCerts());
		SslProvider provider;
		try {
			provider = http2 ? SslProvider.builder().sslContext(http2Spec(tls)).build()
					: SslProvider.builder().sslContext(http11Spec(tls)).build();
			provider.getSslContext();
		}
		catch (RuntimeException ex) {
			throw new UviServerException(failedProperty(tls) + ": cannot load the key or certificates ("
					+ rootMessage(ex) + ")", ex);
		}
		TlsSelfCheck.verify(provider.getSslContext(), failedProperty(tls));
		return provider;
	}

	private static Http2SslContextSpec http2Spec(TlsConfig tls) {
		Http2SslContextSpec spec = (tls.keyManagers() != null) ? Http2SslContextSpec.forServer(tls.keyManagers())
				: Http2SslContextSpec.forServer(tls.certfile().toFile(), tls.keyfile().toFile(), tls.keyfilePassword());
		return spec.configure(options(tls));
	}

	private static Http11SslContextSpec http11Spec(TlsConfig tls) {
		Http11SslContextSpec spec = (tls.keyManagers() != null) ? Http11SslContextSpec.forServer(tls.keyManagers())
				: Http11SslContextSpec.forServer(tls.certfile().toFile(), tls.keyfile().toFile(),
						tls.keyfilePassword());
		return spec.configure(options(tls));
	}

	private static Consumer<SslContextBuilder> options(TlsConfig tls) {
		return (builder) -> {
			if (tls.trustManagers() != null) {
				builder.trustManager(tls.trustManagers());
			}
			else if (tls.caCerts() != null) {
				builder.trustManager(tls.caCerts().toFile());
			}
			builder.clientAuth(switch (tls.certReqs()) {
				case NONE -> ClientAuth.NONE;
				case OPTIONAL -> ClientAuth.OPTIONAL;
				case REQUIRED -> ClientAuth.REQUIRE;
			});
			if (!tls.protocols().isEmpty()) {
				builder.protocols(tls.protocols());
			}
			if (!tls.ciphers().isEmpty()) {
				builder.ciphers(tls.ciphers());
			}
		};
	}

	private static void readable(String property, @Nullable Path file) {
		if (file != null && !Files.isReadable(file)) {
			throw new UviServerException(property + ": " + file + " (expected: a readable PEM file)");
		}
	}

	private static String failedProperty(TlsConfig tls) {
		return (tls.keyManagers() != null) ? "ssl.bundle" : "ssl.keyfile";
	}

	private static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}
}
