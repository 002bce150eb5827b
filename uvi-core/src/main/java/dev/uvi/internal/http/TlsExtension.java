package dev.uvi.internal.http;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;

/**
 * The ASGI {@code tls} scope extension: the client certificate chain (PEM), its subject, the TLS
 * version (as the spec's integer, {@code 0x0304} for 1.3) and the cipher suite (by name; the JDK
 * does not expose IANA numbers). Built once per connection.
 */
final class TlsExtension {

	private TlsExtension() {
	}

	/**
	 * @param connection the TCP connection's channel (an HTTP/2 stream's parent): called once per
	 *     connection, by {@link HttpConnection}, which keeps the result
	 * @return the extension's content, or null for a connection without TLS
	 */
	static @Nullable Map<String, Object> of(Channel connection) {
		SslHandler ssl = connection.pipeline().get(SslHandler.class);
		return (ssl != null) ? describe(ssl.engine().getSession()) : null;
	}

	private static Map<String, Object> describe(SSLSession session) {
		Map<String, Object> tls = new HashMap<>();
		List<String> chain = new ArrayList<>();
		String subject = null;
		try {
			for (Certificate certificate : session.getPeerCertificates()) {
				chain.add(pem(certificate));
			}
			if (session.getPeerCertificates()[0] instanceof X509Certificate x509) {
				subject = x509.getSubjectX500Principal().getName();
			}
		}
		catch (SSLPeerUnverifiedException ex) {
			// no client certificate: an empty chain, as the spec says
		}
		tls.put("server_cert", null);
		tls.put("client_cert_chain", List.copyOf(chain));
		tls.put("client_cert_name", subject);
		tls.put("client_cert_error", null);
		tls.put("tls_version", version(session.getProtocol()));
		tls.put("cipher_suite", session.getCipherSuite());
		return tls;
	}

	private static @Nullable Integer version(String protocol) {
		return switch (protocol) {
			case "TLSv1.3" -> 0x0304;
			case "TLSv1.2" -> 0x0303;
			case "TLSv1.1" -> 0x0302;
			case "TLSv1" -> 0x0301;
			default -> null;
		};
	}

	private static String pem(Certificate certificate) {
		try {
			return "-----BEGIN CERTIFICATE-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
					+ "\n-----END CERTIFICATE-----\n";
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException("client certificate cannot be encoded", ex);
		}
	}
}
