package io.github.wavestarter.observation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.github.wavestarter.autoconfigure.WaveAutoConfiguration;
import io.github.wavestarter.autoconfigure.actuate.WaveHealthAutoConfiguration;
import io.github.wavestarter.testsupport.LoopbackProxy;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.journal.IssuedTokenSet;
import io.github.wavestarter.test.journal.RecordedTokenRequest;
import io.github.wavestarter.testsupport.WaveContexts;
import io.github.wavestarter.token.WaveTokenManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs whole applications with TRACE logging for the starter, Spring's web, HTTP and
 * security code and Reactor Netty, through a successful flow (password grant, refresh
 * token, 401 replay, authenticated proxy, health) and failing ones, and checks that no
 * secret or token reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class WaveLogSecrecyTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private static final String USER_PASSWORD = "User-Passw0rd-Value";

	private static final String PROXY_PASSWORD = "Pr0xy-Passw0rd-Value";

	private static final String WRONG_SECRET = "Wr0ng-Client-Secret-Value";

	@Test
	void noSecretOrTokenIsLoggedAtTrace(CapturedOutput output) throws Exception {
		List<String> secrets = new ArrayList<>(List.of(USER_PASSWORD, PROXY_PASSWORD, WRONG_SECRET,
				Base64.getEncoder().encodeToString(("proxy-user:" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8))));
		try (MockWaveServer server = MockWaveServer.builder()
			.user("user@example.com", USER_PASSWORD)
			.tokenExpiresIn(Duration.ofSeconds(1))
			.start(); LoopbackProxy proxy = new LoopbackProxy("proxy-user", PROXY_PASSWORD)) {
			secrets.add(server.clientSecret());
			try (ConfigurableApplicationContext context = application(server, "wave.grant-type=password",
					"wave.username=user@example.com", "wave.password=" + USER_PASSWORD,
					"wave.token.use-refresh-token=true", "wave.http.proxy.host=127.0.0.1",
					"wave.http.proxy.port=" + proxy.port(), "wave.http.proxy.username=proxy-user",
					"wave.http.proxy.password=" + PROXY_PASSWORD, "wave.health.active=true")) {
				WebClient client = context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class);
				assertThat(call(client)).contains("\"id\":\"user@example.com\"");
				// let the one-second token become due, so the refresh_token grant is used
				Thread.sleep(1000);
				assertThat(call(client)).contains("\"id\":\"user@example.com\"");
				server.setTokenExpiresIn(Duration.ofDays(1));
				server.api().failNext(1).withStatus(401);
				assertThat(call(client)).contains("\"id\":\"user@example.com\"");
				assertThat(context.getBean(HealthIndicator.class).health().getStatus().getCode()).isEqualTo("UP");
			}
			assertThat(server.tokenRequests()).extracting(RecordedTokenRequest::grantType)
				.contains("password", "refresh_token");
			assertThat(proxy.tunnels).isNotEmpty();

			try (ConfigurableApplicationContext context = application(server, "wave.client-secret=" + WRONG_SECRET,
					"wave.token.max-attempts=1")) {
				assertThatThrownBy(() -> context.getBean(WaveTokenManager.class).getAccessToken().block(BLOCK))
					.hasMessageContaining("invalid_client");
				WebClient client = context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class);
				assertThatThrownBy(() -> call(client)).hasMessageContaining("invalid_client");
			}
			assertThatThrownBy(() -> application(server, "wave.token-uri=http://example.com/access_token"))
				.hasRootCauseInstanceOf(
						io.github.wavestarter.autoconfigure.diagnostics.InvalidWaveConfigurationException.class)
				.satisfies((ex) -> assertThat(ex.toString()).doesNotContain(server.clientSecret()));

			// every access, id and refresh token the server ever issued
			server.issuedTokens().forEach((issued) -> secrets.addAll(issued.values()));
			assertThat(server.issuedTokens()).hasSizeGreaterThanOrEqualTo(3)
				.extracting(IssuedTokenSet::refreshToken)
				.doesNotContainNull();
		}
		String log = output.getAll();
		// the log is real: startup line, acquisitions, HTTP traces and the failure report
		assertThat(log).contains("Wave starter: registration 'wave', grant password, client id test******")
			.contains("Requesting a Wave access token with the password grant")
			.contains("Renewing the Wave access token with the refresh_token grant")
			.contains("Obtained a Wave access token for registration 'wave', expires at")
			.contains("Could not obtain a Wave access token")
			.contains("reactor.netty")
			.contains("POST " + "http://127.0.0.1")
			.contains("APPLICATION FAILED TO START")
			.contains("wave.token-uri: 'http://example.com/access_token' is plain http");
		for (String secret : secrets) {
			assertThat(log).as("log must not contain a secret or token").doesNotContain(secret);
		}
	}

	private static String call(WebClient client) {
		return client.get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class).block(BLOCK);
	}

	private static ConfigurableApplicationContext application(MockWaveServer server, String... properties) {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.properties(WaveContexts.operationsProperties(server))
			.properties("logging.level.io.github.wavestarter=TRACE", "logging.level.org.springframework.web=TRACE",
					"logging.level.org.springframework.http=TRACE", "logging.level.org.springframework.security=TRACE",
					"logging.level.reactor.netty=TRACE", "logging.level.io.micrometer=TRACE")
			.properties(properties)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			CodecsAutoConfiguration.class, JacksonAutoConfiguration.class, SslAutoConfiguration.class,
			WebClientAutoConfiguration.class, WebClientObservationAutoConfiguration.class,
			ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
			HealthContributorRegistryAutoConfiguration.class, WaveAutoConfiguration.class,
			WaveHealthAutoConfiguration.class })
	static class TestApplication {

	}

}
