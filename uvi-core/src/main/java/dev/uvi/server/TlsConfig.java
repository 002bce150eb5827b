package dev.uvi.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * TLS settings, uvicorn's {@code --ssl-*} flags: a certificate chain and key as PEM files, or key
 * and trust managers built elsewhere (a Spring SSL bundle). JDK types only, so that the starter can
 * hand over what Spring loaded without reaching into Netty.
 *
 * @param certfile the certificate chain, PEM; null when {@code keyManagers} is given
 * @param keyfile the private key, PEM (PKCS#8, optionally encrypted); null when {@code keyManagers} is given
 * @param keyfilePassword the key's password, or null
 * @param keyManagers key managers to use instead of the PEM files, or null
 * @param caCerts CA certificates (PEM) that client certificates must chain to, or null
 * @param trustManagers trust managers to use instead of {@code caCerts}, or null
 * @param certReqs whether clients must present a certificate; default {@link ClientAuth#NONE}
 * @param ciphers the cipher suites to allow, empty for the JDK's defaults
 * @param protocols the protocols to allow ({@code TLSv1.2}, {@code TLSv1.3}), empty for both
 */
public record TlsConfig(@Nullable Path certfile, @Nullable Path keyfile, @Nullable String keyfilePassword,
		@Nullable KeyManagerFactory keyManagers, @Nullable Path caCerts, @Nullable TrustManagerFactory trustManagers,
		ClientAuth certReqs, List<String> ciphers, List<String> protocols) {

	/** uvicorn's {@code --ssl-cert-reqs}: 0, 1 or 2. */
	public enum ClientAuth {

		/** No client certificate is asked for. */
		NONE,

		/** A client certificate is asked for and verified when given. */
		OPTIONAL,

		/** A verified client certificate is required. */
		REQUIRED
	}

	public TlsConfig {
		Objects.requireNonNull(certReqs, "certReqs");
		ciphers = List.copyOf(ciphers);
		protocols = List.copyOf(protocols);
		if (keyManagers == null && (certfile == null || keyfile == null)) {
			throw new IllegalArgumentException(
					"ssl: no key (expected: ssl.certfile and ssl.keyfile, or an SSL bundle)");
		}
	}

	/** @return TLS from a PEM certificate chain and key, as uvicorn's {@code --ssl-certfile}/{@code --ssl-keyfile} */
	public static TlsConfig pem(Path certfile, Path keyfile, @Nullable String keyfilePassword) {
		return new TlsConfig(certfile, keyfile, keyfilePassword, null, null, null, ClientAuth.NONE, List.of(),
				List.of());
	}

	/** @return TLS from key (and optionally trust) managers loaded elsewhere */
	public static TlsConfig managers(KeyManagerFactory keyManagers, @Nullable TrustManagerFactory trustManagers) {
		return new TlsConfig(null, null, null, keyManagers, null, trustManagers, ClientAuth.NONE, List.of(), List.of());
	}

	/** @return a copy asking clients for certificates that chain to {@code caCerts} */
	public TlsConfig withClientAuth(ClientAuth certReqs, @Nullable Path caCerts) {
		return new TlsConfig(this.certfile, this.keyfile, this.keyfilePassword, this.keyManagers, caCerts,
				this.trustManagers, certReqs, this.ciphers, this.protocols);
	}

	/** @return a copy limited to these cipher suites and protocols (empty lists for the defaults) */
	public TlsConfig withCiphersAndProtocols(List<String> ciphers, List<String> protocols) {
		return new TlsConfig(this.certfile, this.keyfile, this.keyfilePassword, this.keyManagers, this.caCerts,
				this.trustManagers, this.certReqs, ciphers, protocols);
	}

	@Override
	public String toString() {
		return "TlsConfig[certfile=" + this.certfile + ", keyfile=" + this.keyfile + ", keyManagers="
				+ (this.keyManagers != null) + ", certReqs=" + this.certReqs + "]"; // never the password
	}
}
