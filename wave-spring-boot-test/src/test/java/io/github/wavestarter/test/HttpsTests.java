package io.github.wavestarter.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsTests {

	private static final char[] PASSWORD = "changeit".toCharArray();

	static KeyStore keyStore;

	@BeforeAll
	static void createCertificate(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("mock-wave.p12");
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "mock-wave", "-keyalg", "EC",
				"-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=127.0.0.1", "-ext",
				"SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
				file.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			keyStore.load(in, PASSWORD);
		}
	}

	@Test
	void httpsServesTokenEndpointAndApiUnderHttpsUrls() throws Exception {
		try (MockWaveServer server = MockWaveServer.builder().https(keyStore, PASSWORD).start()) {
			assertThat(server.isHttps()).isTrue();
			assertThat(server.tokenUri()).isEqualTo("https://127.0.0.1:" + server.port() + "/access_token");
			assertThat(server.baseUrl()).isEqualTo("https://127.0.0.1:" + server.port() + "/m/blue");
			HttpClient trusting = HttpClient.newBuilder().sslContext(trusting()).build();
			WaveHttp.Multipart form = WaveHttp.Multipart.of(new WaveHttp(server).clientCredentialsForm());
			HttpResponse<String> token = trusting.send(HttpRequest.newBuilder(URI.create(server.tokenUri()))
				.header("Content-Type", form.contentType())
				.POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(token.statusCode()).isEqualTo(200);
			String accessToken = WaveHttp.json(token.body()).get("access_token").asString();
			HttpResponse<String> whoami = trusting
				.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/iam/v1/whoami"))
					.header("Authorization", "Bearer " + accessToken)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(whoami.statusCode()).isEqualTo(200);
			assertThat(server.journal().tokenRequestCount()).isEqualTo(1);
			assertThat(server.journal().lastApiRequest().validToken()).isTrue();
		}
	}

	@Test
	void clientsThatDoNotTrustTheCertificateAreRefused() {
		try (MockWaveServer server = MockWaveServer.builder().https(keyStore, PASSWORD).start()) {
			assertThatThrownBy(() -> HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/org/v1")).build(),
						HttpResponse.BodyHandlers.ofString()))
				.isInstanceOf(SSLHandshakeException.class)
				.hasStackTraceContaining("unable to find valid certification path");
			assertThat(server.journal().apiRequestCount()).isZero();
		}
	}

	@Test
	void plainHttpByDefault() {
		try (MockWaveServer server = MockWaveServer.start()) {
			assertThat(server.isHttps()).isFalse();
			assertThat(server.tokenUri()).startsWith("http://127.0.0.1:");
		}
	}

	@Test
	void httpsNeedsAServerContextAndAKey() throws Exception {
		KeyStore empty = KeyStore.getInstance("PKCS12");
		empty.load(null, null);
		assertThatThrownBy(() -> MockWaveServer.builder().https(empty, PASSWORD))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(
				() -> MockWaveServer.builder().https(io.netty.handler.ssl.SslContextBuilder.forClient().build()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static SSLContext trusting() throws Exception {
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(keyStore);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

}
