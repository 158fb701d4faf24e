package io.github.wavestarter.autoconfigure;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.testsupport.LoopbackProxy;
import io.github.wavestarter.testsupport.SelfSignedCertificate;
import io.github.wavestarter.testsupport.WaveContexts;
import io.github.wavestarter.token.WaveTokenException;
import io.github.wavestarter.token.WaveTokenManager;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code wave.http.*} against real loopback servers: timeouts, body limit, proxy and SSL
 * bundle apply to both the token request and the Blue API call.
 */
class WaveHttpSettingsIntegrationTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	/** What the emulator's {@code whoami} answers for the client's token. */
	private static final String WHOAMI = "\"id\":\"" + MockWaveServer.DEFAULT_CLIENT_ID + "\"";

	@Test
	void withoutSettingsWaveStillHasItsOwnConnector() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server).run((context) -> {
				assertThat(context).hasSingleBean(WaveConnector.class);
				ClientHttpConnector connector = context.getBean(WaveConnector.class).connector();
				assertThat(connector).isNotNull().isNotSameAs(context.getBean(ClientHttpConnector.class));
				assertThat(callApi(context)).contains(WHOAMI);
				assertThat(server.journal().tokenRequestCount()).isEqualTo(1);
			});
		}
	}

	@Test
	void responseTimeoutFiresOnApiCalls() {
		try (MockWaveServer server = MockWaveServer.start()) {
			server.faults().api().failNext(1).withDelay(Duration.ofSeconds(3));
			WaveContexts.forServer(server).withPropertyValues("wave.http.response-timeout=300ms").run((context) -> {
				long start = System.nanoTime();
				assertThatThrownBy(() -> callApi(context)).isInstanceOf(WebClientRequestException.class)
					.satisfies((failure) -> assertThat(causes(failure)).anyMatch(WaveContexts.jdkConnector()
							? (cause) -> cause instanceof HttpTimeoutException
									&& !(cause instanceof HttpConnectTimeoutException)
							: ReadTimeoutException.class::isInstance));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
			});
		}
	}

	@Test
	void responseTimeoutFiresOnTokenRequests() {
		try (MockWaveServer server = MockWaveServer.start()) {
			server.tokens().responseDelay(Duration.ofSeconds(3));
			WaveContexts.forServer(server)
				.withPropertyValues("wave.http.response-timeout=300ms", "wave.token.timeout=5s",
						"wave.token.max-attempts=1")
				.run((context) -> {
					long start = System.nanoTime();
					assertThatThrownBy(() -> context.getBean(WaveTokenManager.class).getAccessToken().block(BLOCK))
						.isInstanceOfSatisfying(WaveTokenException.class, (failure) -> {
							assertThat(failure.getErrorCode()).isEqualTo(WaveTokenException.TOKEN_ENDPOINT_TIMEOUT);
							assertThat(failure.getMessage()).contains("wave.http.response-timeout");
						});
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
				});
		}
	}

	@Test
	void connectTimeoutFires() throws Exception {
		// A listening socket whose accept queue is full drops new SYNs, so connecting
		// hangs.
		try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			List<Socket> fillers = new ArrayList<>();
			try {
				for (int i = 0; i < 3; i++) {
					Socket filler = new Socket();
					try {
						filler.connect(full.getLocalSocketAddress(), 200);
						fillers.add(filler);
					}
					catch (java.io.IOException ex) {
						filler.close();
					}
				}
				String url = "http://127.0.0.1:" + full.getLocalPort();
				new org.springframework.boot.test.context.runner.ApplicationContextRunner()
					.withConfiguration(
							org.springframework.boot.autoconfigure.AutoConfigurations.of(WaveAutoConfiguration.class))
					.withPropertyValues("wave.client-id=id", "wave.client-secret=secret",
							"wave.token-uri=" + url + "/access_token", "wave.base-url=" + url + "/m/blue",
							"wave.http.connect-timeout=300ms", "wave.token.timeout=5s", "wave.token.max-attempts=1")
					.run((context) -> {
						long start = System.nanoTime();
						assertThatThrownBy(() -> context.getBean(WaveTokenManager.class).getAccessToken().block(BLOCK))
							.isInstanceOf(WaveTokenException.class)
							.satisfies((failure) -> assertThat(causes(failure)).anyMatch((WaveContexts.jdkConnector()
									? HttpConnectTimeoutException.class : ConnectTimeoutException.class)::isInstance));
						assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
					});
			}
			finally {
				for (Socket filler : fillers) {
					filler.close();
				}
			}
		}
	}

	@Test
	void maxInMemorySizeLimitsApiBodies() {
		try (MockWaveServer server = MockWaveServer.start()) {
			server.stubs().stub("GET", "/iam/v1/whoami").thenReturn(Map.of("padding", "x".repeat(4096)));
			WaveContexts.forServer(server).withPropertyValues("wave.http.max-in-memory-size=1KB").run((context) -> {
				assertThatThrownBy(() -> callApi(context)).isInstanceOf(WebClientResponseException.class)
					.hasRootCauseInstanceOf(DataBufferLimitException.class);
			});
			WaveContexts.forServer(server).withPropertyValues("wave.http.max-in-memory-size=8KB").run((context) -> {
				assertThat(callApi(context)).hasSizeGreaterThan(4000);
			});
		}
	}

	@Test
	void proxySeesTokenRequestAndApiCall() throws Exception {
		try (MockWaveServer server = MockWaveServer.start();
				LoopbackProxy proxy = new LoopbackProxy("proxy-user", "Pr0xy-Passw0rd")) {
			// the API under another host name, so the proxy sees two distinct tunnels
			String apiHost = "localhost:" + server.port();
			WaveContexts.forServer(server)
				.withPropertyValues("wave.base-url=http://" + apiHost + "/m/blue", "wave.http.proxy.host=127.0.0.1",
						"wave.http.proxy.port=" + proxy.port(), "wave.http.proxy.username=proxy-user",
						"wave.http.proxy.password=Pr0xy-Passw0rd")
				.run((context) -> {
					assertThat(callApi(context)).contains(WHOAMI);
					assertThat(proxy.targets).contains("127.0.0.1:" + server.port(), apiHost);
					assertThat(server.journal().tokenRequestCount()).isEqualTo(1);
					assertThat(server.journal().apiRequests()).singleElement()
						.satisfies((request) -> assertThat(request.validToken()).isTrue());
				});
		}
	}

	@Test
	void proxyRejectsWrongCredentials() throws Exception {
		try (MockWaveServer server = MockWaveServer.start();
				LoopbackProxy proxy = new LoopbackProxy("proxy-user", "Pr0xy-Passw0rd")) {
			WaveContexts.forServer(server)
				.withPropertyValues("wave.http.proxy.host=127.0.0.1", "wave.http.proxy.port=" + proxy.port(),
						"wave.http.proxy.username=proxy-user", "wave.http.proxy.password=wrong",
						"wave.token.max-attempts=1")
				.run((context) -> {
					assertThatThrownBy(() -> context.getBean(WaveTokenManager.class).getAccessToken().block(BLOCK))
						.isInstanceOf(WaveTokenException.class);
					assertThat(proxy.requestLines).isNotEmpty();
					assertThat(proxy.targets).isEmpty();
					assertThat(server.journal().tokenRequestCount()).isZero();
				});
		}
	}

	@Test
	void nonProxyHostsAreReachedDirectly() throws Exception {
		try (MockWaveServer server = MockWaveServer.start(); LoopbackProxy proxy = new LoopbackProxy(null, null)) {
			WaveContexts.forServer(server)
				.withPropertyValues("wave.http.proxy.host=127.0.0.1", "wave.http.proxy.port=" + proxy.port(),
						"wave.http.proxy.non-proxy-hosts=localhost|127\\..*")
				.run((context) -> {
					assertThat(callApi(context)).contains(WHOAMI);
					assertThat(proxy.requestLines).isEmpty();
				});
		}
	}

	@Test
	void proxyFromEnvironment() throws Exception {
		try (MockWaveServer server = MockWaveServer.start();
				LoopbackProxy proxy = new LoopbackProxy("env-user", "p@ss:word")) {
			WaveContexts.forServer(server)
				.withPropertyValues("wave.http.proxy.from-env=true",
						"HTTPS_PROXY=http://env-user:p%40ss%3Aword@127.0.0.1:" + proxy.port(),
						"NO_PROXY=.internal.example,localhost")
				.run((context) -> {
					assertThat(callApi(context)).contains(WHOAMI);
					assertThat(proxy.targets).containsOnly("127.0.0.1:" + server.port());
				});
			WaveContexts.forServer(server)
				.withPropertyValues("wave.http.proxy.from-env=true",
						"HTTPS_PROXY=http://env-user:p%40ss%3Aword@127.0.0.1:" + proxy.port(), "NO_PROXY=127.0.0.1")
				.run((context) -> {
					int before = proxy.requestLines.size();
					assertThat(callApi(context)).contains(WHOAMI);
					assertThat(proxy.requestLines).hasSize(before);
				});
		}
	}

	@Test
	void sslBundleTrustsSelfSignedLoopbackServer(@TempDir Path directory) throws Exception {
		SelfSignedCertificate certificate = SelfSignedCertificate.create(directory);
		try (MockWaveServer server = MockWaveServer.builder().https(certificate.serverContext()).start()) {
			String[] bundle = { "spring.ssl.bundle.jks.wave-test.truststore.location=file:" + certificate.keyStore(),
					"spring.ssl.bundle.jks.wave-test.truststore.password=" + SelfSignedCertificate.PASSWORD,
					"spring.ssl.bundle.jks.wave-test.truststore.type=PKCS12" };
			WaveContexts.forServer(server)
				.withPropertyValues(bundle)
				.withPropertyValues("wave.http.ssl-bundle=wave-test")
				.run((context) -> {
					assertThat(callApi(context)).contains(WHOAMI);
					assertThat(server.journal().tokenRequestCount()).isEqualTo(1);
				});
			// Without the bundle the JDK trust store refuses the self-signed certificate.
			WaveContexts.forServer(server)
				.withPropertyValues(bundle)
				.withPropertyValues("wave.token.max-attempts=1")
				.run((context) -> {
					assertThatThrownBy(() -> context.getBean(WaveTokenManager.class).getAccessToken().block(BLOCK))
						.isInstanceOf(WaveTokenException.class)
						.hasStackTraceContaining("unable to find valid certification path");
				});
		}
	}

	@Test
	void unknownSslBundleFailsStartupNamingTheProperty() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server).withPropertyValues("wave.http.ssl-bundle=missing").run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("wave.http.ssl-bundle").contains("'missing'");
				assertThat(analysis.getAction()).contains("spring.ssl.bundle.jks.missing");
			});
		}
	}

	@Test
	void proxyHostWithoutPortFailsStartup() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server).withPropertyValues("wave.http.proxy.host=proxy.internal").run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyze(context).getDescription()).contains("wave.http.proxy.port");
			});
		}
	}

	@Test
	void bothClientsShareOneConnector() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server).withPropertyValues("wave.http.connect-timeout=2s").run((context) -> {
				ClientHttpConnector connector = context.getBean(WaveConnector.class).connector();
				assertThat(connector).isNotNull();
				assertThat(context.getBean(ClientHttpConnector.class)).isNotSameAs(connector);
				assertThat(callApi(context)).contains(WHOAMI);
			});
		}
	}

	static FailureAnalysis analyze(AssertableApplicationContext context) {
		Throwable failure = context.getStartupFailure();
		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidWaveConfigurationException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("startup failure caused by InvalidWaveConfigurationException").isNotNull();
		return new InvalidWaveConfigurationFailureAnalyzer().analyze(failure);
	}

	static String callApi(AssertableApplicationContext context) {
		WebClient client = context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class);
		return client.get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class).block(BLOCK);
	}

	/** The failure and its causes, outermost first. */
	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

}
