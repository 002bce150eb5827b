package dev.uvi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates made by the tests themselves with Debian's {@code openssl} (installed by
 * {@code .ci/run} when missing), so that no key ever sits in the repository.
 */
public final class TestCertificates {

	private TestCertificates() {
	}

	/** A certificate and its key, as PEM files. */
	public record Pair(Path cert, Path key) {

		/** @return an SSL context that trusts exactly this certificate */
		public SSLContext trustingContext() throws Exception {
			return context(null);
		}

		/** @return an SSL context that trusts this certificate and presents {@code client}'s */
		public SSLContext trustingContext(Path dir, Pair client) throws Exception {
			KeyStore keys = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(pkcs12(dir, client, "pw"))) {
				keys.load(in, "pw".toCharArray());
			}
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(keys, "pw".toCharArray());
			return context(keyManagers);
		}

		private SSLContext context(KeyManagerFactory keyManagers) throws Exception {
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			try (InputStream in = Files.newInputStream(this.cert)) {
				trust.setCertificateEntry("server",
						(X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
			}
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trust);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init((keyManagers != null) ? keyManagers.getKeyManagers() : null, factory.getTrustManagers(), null);
			return context;
		}
	}

	/** @return a self-signed certificate for 127.0.0.1 and localhost with common name {@code name} */
	public static Pair selfSigned(Path dir, String name) throws Exception {
		Pair pair = new Pair(dir.resolve(name + ".pem"), dir.resolve(name + ".key"));
		openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", pair.key().toString(), "-out",
				pair.cert().toString(), "-days", "2", "-subj", "/CN=" + name, "-addext",
				"subjectAltName=IP:127.0.0.1,DNS:localhost");
		return pair;
	}

	/** @return a certificate for a client named {@code name}, signed by {@code ca} */
	public static Pair signedBy(Path dir, Pair ca, String name) throws Exception {
		Pair pair = new Pair(dir.resolve(name + ".pem"), dir.resolve(name + ".key"));
		Path request = dir.resolve(name + ".csr");
		openssl(dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", pair.key().toString(), "-out",
				request.toString(), "-subj", "/CN=" + name);
		openssl(dir, "x509", "-req", "-in", request.toString(), "-CA", ca.cert().toString(), "-CAkey",
				ca.key().toString(), "-out", pair.cert().toString(), "-days", "2", "-set_serial", "7");
		return pair;
	}

	/** @return the key re-encrypted with {@code password} (PKCS#8, a scheme the JDK reads) */
	public static Path encryptedKey(Path dir, Pair pair, String password) throws Exception {
		Path encrypted = dir.resolve(pair.key().getFileName() + ".enc");
		openssl(dir, "pkcs8", "-topk8", "-v1", "PBE-SHA1-3DES", "-in", pair.key().toString(), "-out",
				encrypted.toString(), "-passout", "pass:" + password);
		return encrypted;
	}

	/** @return a PKCS#12 file with the pair, for clients that present it */
	public static Path pkcs12(Path dir, Pair pair, String password) throws Exception {
		Path store = dir.resolve(pair.cert().getFileName() + ".p12");
		openssl(dir, "pkcs12", "-export", "-in", pair.cert().toString(), "-inkey", pair.key().toString(), "-out",
				store.toString(), "-passout", "pass:" + password);
		return store;
	}

	private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of("openssl"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("openssl " + String.join(" ", args) + " failed:\n" + output);
		}
	}
}
