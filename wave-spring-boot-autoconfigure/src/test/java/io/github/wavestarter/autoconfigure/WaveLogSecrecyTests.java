package io.github.wavestarter.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.github.wavestarter.autoconfigure.actuate.WaveHealthAutoConfiguration;
import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.MutableClock;
import io.github.wavestarter.test.fault.HostileToken;
import io.github.wavestarter.test.journal.IssuedTokenSet;
import io.github.wavestarter.test.journal.RecordedTokenRequest;
import io.github.wavestarter.testsupport.LoopbackProxy;
import io.github.wavestarter.testsupport.RecordingSocket;
import io.github.wavestarter.testsupport.WaveContexts;
import io.github.wavestarter.token.WaveTokenException;
import io.github.wavestarter.token.WaveTokenManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
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
import static org.awaitility.Awaitility.await;

/**
 * Runs whole applications with TRACE logging for the starter, Spring's web, HTTP and
 * security code and Reactor Netty, through a successful flow (password grant, refresh
 * token, 401 replay, authenticated proxy, health), failing ones, and the hardening flows
 * (token endpoint redirect, hostile tokens, error texts that echo credentials and forge
 * log lines, a failing renewal, an endless 401, a 431), and checks that no secret, token
 * or forged line reaches the log.
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
				server.tokens().expiresIn(Duration.ofDays(1));
				server.faults().api().failNext(1).withStatus(401);
				assertThat(call(client)).contains("\"id\":\"user@example.com\"");
				assertThat(context.getBean(HealthIndicator.class).health().getStatus().getCode()).isEqualTo("UP");
			}
			assertThat(server.journal().tokenRequests()).extracting(RecordedTokenRequest::grantType)
				.contains("password", "refresh_token");
			assertThat(proxy.targets).isNotEmpty();

			try (ConfigurableApplicationContext context = application(server, "wave.client-secret=" + WRONG_SECRET,
					"wave.token.max-attempts=1")) {
				assertThatThrownBy(() -> context.getBean(WaveTokenManager.class).getAccessToken().block(BLOCK))
					.isInstanceOf(WaveTokenException.class)
					.hasMessageContaining("invalid_client");
				WebClient client = context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class);
				assertThatThrownBy(() -> call(client)).isInstanceOf(WaveTokenException.class)
					.hasMessageContaining("invalid_client");
			}
			assertThatThrownBy(() -> application(server, "wave.token-uri=http://example.com/access_token"))
				.isInstanceOf(BeanCreationException.class)
				.hasRootCauseInstanceOf(io.github.wavestarter.autoconfigure.InvalidWaveConfigurationException.class)
				.satisfies((ex) -> assertThat(ex.toString()).doesNotContain(server.clientSecret()));

			// every access, id and refresh token the server ever issued
			server.tokens().issued().forEach((issued) -> secrets.addAll(issued.values()));
			assertThat(server.tokens().issued()).hasSizeGreaterThanOrEqualTo(3)
				.extracting(IssuedTokenSet::refreshToken)
				.doesNotContainNull();
		}
		String log = output.getAll();
		// the log is real: startup line, acquisitions, HTTP traces and the failure report
		assertThat(log).contains("Wave starter: registration 'wave', grant password, client id test******")
			.contains("Requesting a Wave access token for registration 'wave' with the password grant")
			.contains("Renewing the Wave access token of registration 'wave' with the refresh_token grant")
			.contains("Obtained a Wave access token for registration 'wave', expires at")
			.contains("Could not obtain a Wave access token")
			.contains("reactor.netty")
			.contains("POST " + "http://127.0.0.1")
			.contains("APPLICATION FAILED TO START")
			.contains("wave.token-uri: 'http://example.com/access_token' is plain http");
		assertNoneLogged(log, secrets);
	}

	@Test
	void hardeningFlowsLogNoSecretOrForgedLineAtTrace(CapturedOutput output) throws Exception {
		MutableClock clock = MutableClock.now();
		List<String> secrets = new ArrayList<>(List.of(USER_PASSWORD, WRONG_SECRET));
		List<String> hostileValues = new ArrayList<>();
		try (MockWaveServer server = MockWaveServer.builder()
			.user("user@example.com", USER_PASSWORD)
			.clock(clock)
			.tokenExpiresIn(Duration.ofHours(1))
			.start(); RecordingSocket target = new RecordingSocket()) {
			secrets.add(server.clientSecret());
			try (ConfigurableApplicationContext context = application(server, clock, "wave.grant-type=password",
					"wave.username=user@example.com", "wave.password=" + USER_PASSWORD, "wave.token.max-attempts=1")) {
				WaveTokenManager manager = context.getBean(WaveTokenManager.class);
				WebClient client = context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class);

				// a redirect of the token endpoint (the credentials must not follow it)
				server.faults().token().failNext(1).withRedirect(307, target.url("/collect?steal=1"));
				assertThatThrownBy(() -> call(client)).isInstanceOf(WaveTokenException.class)
					.hasMessageContaining("token_endpoint_redirect");

				// hostile access tokens
				for (HostileToken hostile : List.of(HostileToken.CR_LF, HostileToken.NUL, HostileToken.OVERSIZED,
						HostileToken.JSON_OBJECT)) {
					server.faults().token().failNext(1).withHostileToken(hostile);
					assertThatThrownBy(() -> call(client)).isInstanceOf(WaveTokenException.class)
						.hasMessageContaining("invalid_token_response");
				}
				hostileValues.addAll(List.of("X-Injected", "tok\u0000en", "A".repeat(64)));

				// an error text that echoes the credentials and forges a log line
				server.faults()
					.token()
					.failNext(1)
					.withStatus(400,
							"{\"error\":\"invalid_grant\\r\\nFORGED-CODE " + USER_PASSWORD
									+ "\",\"error_description\":\"nope\\r\\nFORGED-LOG-LINE INFO secret="
									+ server.clientSecret() + " password=" + USER_PASSWORD + "\"}");
				assertThatThrownBy(() -> call(client)).isInstanceOf(WaveTokenException.class)
					.hasMessageContaining("FORGED-LOG-LINE");

				// a token, then a renewal that fails while it is valid (WARN)
				assertThat(call(client)).contains("\"id\":\"user@example.com\"");
				clock.advance(Duration.ofMinutes(59).plusSeconds(30));
				server.faults().token().failNext(1).withStatus(503);
				assertThat(call(client)).contains("\"id\":\"user@example.com\"");
				await().atMost(BLOCK).until(() -> manager.getState().renewalFailing());

				// a 401 that never ends: one forced renewal, then the token is kept
				server.faults().api().failNext(3).withStatus(401);
				for (int i = 0; i < 2; i++) {
					assertThatThrownBy(() -> call(client)).isInstanceOf(BlueApiException.class)
						.hasMessageContaining("401");
				}
				// after the forced renewal interval, a 431 drops the token
				clock.advance(Duration.ofSeconds(10));
				server.faults().api().failNext(1).withResponse(431, "", "text/plain");
				assertThatThrownBy(() -> call(client)).isInstanceOf(BlueApiException.class).hasMessageContaining("431");
				assertThat(call(client)).contains("\"id\":\"user@example.com\"");
			}
			assertThat(target.bytesReceived()).isZero();
			server.tokens().issued().forEach((issued) -> secrets.addAll(issued.values()));
			assertThat(server.tokens().issued()).hasSizeGreaterThanOrEqualTo(3);
		}
		String log = output.getAll();
		assertThat(log).contains("[token_endpoint_redirect]")
			.contains("has characters a bearer token cannot have")
			.contains("'access_token' is a JSON object, not a string")
			.contains("'access_token' is 71680 characters long")
			.contains("Could not renew the Wave access token for registration 'wave' (temporarily_unavailable)")
			.contains("keeping it, since the last forced renewal was less than PT10S ago")
			.contains("?FORGED-LOG-LINE INFO secret=****** password=******")
			.contains("reactor.netty");
		assertNoneLogged(log, secrets);
		for (String hostile : hostileValues) {
			assertThat(log).as("log must not contain a hostile token").doesNotContain(hostile);
		}
		assertThat(log.lines()).as("no line is forged by the server")
			.noneMatch((line) -> line.startsWith("FORGED"))
			.noneMatch((line) -> line.contains("FORGED-CODE") && !line.contains("invalid_grant??FORGED-CODE"));
	}

	private static void assertNoneLogged(String log, List<String> secrets) {
		for (String secret : secrets) {
			assertThat(log).as("log must not contain a secret or token").doesNotContain(secret);
		}
	}

	private static String call(WebClient client) {
		return client.get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class).block(BLOCK);
	}

	private static ConfigurableApplicationContext application(MockWaveServer server, String... properties) {
		return application(server, null, properties);
	}

	private static ConfigurableApplicationContext application(MockWaveServer server, Clock clock,
			String... properties) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(TestApplication.class);
		if (clock != null) {
			builder.initializers((context) -> context.getBeanFactory()
				.registerSingleton(WaveAutoConfiguration.WAVE_CLOCK_BEAN_NAME, clock));
		}
		return builder.web(WebApplicationType.NONE)
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
