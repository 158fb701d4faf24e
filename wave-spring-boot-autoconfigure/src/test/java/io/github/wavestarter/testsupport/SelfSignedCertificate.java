package io.github.wavestarter.testsupport;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, made with the
 * JDK's {@code keytool} in a temporary directory (PKCS12, password {@link #PASSWORD}).
 */
public final class SelfSignedCertificate {

	public static final String PASSWORD = "changeit";

	private final Path keyStore;

	private SelfSignedCertificate(Path keyStore) {
		this.keyStore = keyStore;
	}

	public static SelfSignedCertificate create(Path directory) throws Exception {
		Path keyStore = directory.resolve("loopback.p12");
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "loopback", "-keyalg", "EC",
				"-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=127.0.0.1", "-ext",
				"SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
				keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("keytool failed: " + output);
		}
		return new SelfSignedCertificate(keyStore);
	}

	/**
	 * The PKCS12 file, usable as key store of the server and trust store of the client.
	 */
	public Path keyStore() {
		return this.keyStore;
	}

	public SslContext serverContext() throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(this.keyStore)) {
			store.load(in, PASSWORD.toCharArray());
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(store, PASSWORD.toCharArray());
		return SslContextBuilder.forServer(keyManagers).build();
	}

}
