package io.github.wavestarter.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.github.wavestarter.test.MockApiClient;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.testsupport.WaveContexts;
import io.github.wavestarter.token.TokenState;
import io.github.wavestarter.token.WaveTokenException;
import io.github.wavestarter.token.WaveTokenManager;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code wave} health contributor against a loopback token endpoint.
 */
class WaveHealthIntegrationTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	@Test
	void neverAcquiredIsUnknownAndMakesNoRequest() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server).run((context) -> {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
				assertThat(health.getDetails()).containsEntry("registrationId", "wave")
					.containsEntry("mode", "passive")
					.containsEntry("reason", "no token requested yet");
				assertThat(server.journal().tokenRequestCount()).isZero();
			});
		}
	}

	@Test
	void afterSuccessIsUpWithTimesAndNoToken() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server).run((context) -> {
				WaveTokenManager manager = context.getBean(WaveTokenManager.class);
				String token = manager.getAccessToken().block(BLOCK).getTokenValue();
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				TokenState state = manager.getState();
				assertThat(health.getDetails()).containsEntry("acquiredAt", state.lastAcquiredAt().toString())
					.containsEntry("expiresAt", state.expiresAt().toString())
					.doesNotContainKey("lastErrorCode");
				assertNoSecrets(health, token, server.clientSecret());
				assertThat(server.journal().tokenRequestCount()).isEqualTo(1);
			});
		}
	}

	@Test
	void afterFailureIsDownWithErrorCode() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server)
				.withPropertyValues("wave.client-secret=wrong-Secret-Value")
				.run((context) -> {
					WaveTokenManager manager = context.getBean(WaveTokenManager.class);
					assertThatThrownBy(() -> manager.getAccessToken().block(BLOCK))
						.isInstanceOf(WaveTokenException.class);
					Health health = health(context);
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails()).containsEntry("lastErrorCode", "invalid_client")
						.containsEntry("lastErrorAt", manager.getState().lastErrorAt().toString());
					assertNoSecrets(health, null, "wrong-Secret-Value");
				});
		}
	}

	@Test
	void failureAfterSuccessIsDownAndRecoveryIsUp() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server).withPropertyValues("wave.token.max-attempts=1").run((context) -> {
				WaveTokenManager manager = context.getBean(WaveTokenManager.class);
				manager.getAccessToken().block(BLOCK);
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
				manager.invalidate(manager.getAccessToken().block(BLOCK));
				server.faults().token().failNext(1).withStatus(503);
				assertThatThrownBy(() -> manager.getAccessToken().block(BLOCK)).isInstanceOf(WaveTokenException.class);
				Health down = health(context);
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				assertThat(down.getDetails()).containsEntry("lastErrorCode", "temporarily_unavailable")
					.containsKey("acquiredAt");
				manager.getAccessToken().block(BLOCK);
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			});
		}
	}

	@Test
	void activeCheckObtainsTokenThroughTheCache() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server).withPropertyValues("wave.health.active=true").run((context) -> {
				Health first = health(context);
				assertThat(first.getStatus()).isEqualTo(Status.UP);
				assertThat(first.getDetails()).containsEntry("mode", "active").containsKey("expiresAt");
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
				assertThat(server.journal().tokenRequestCount()).isEqualTo(1);
				assertNoSecrets(first, server.tokens().issued().get(0).accessToken(), server.clientSecret());
			});
		}
	}

	@Test
	void activeCheckReportsFailure() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server)
				.withPropertyValues("wave.health.active=true", "wave.client-secret=wrong-Secret-Value")
				.run((context) -> {
					Health health = health(context);
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails()).containsEntry("errorCode", "invalid_client");
					assertNoSecrets(health, null, "wrong-Secret-Value");
				});
		}
	}

	@Test
	void activeCheckTimesOut() {
		try (MockWaveServer server = MockWaveServer.start()) {
			server.tokens().responseDelay(Duration.ofSeconds(3));
			WaveContexts.forServer(server)
				.withPropertyValues("wave.health.active=true", "wave.health.timeout=200ms")
				.run((context) -> {
					long start = System.nanoTime();
					Health health = health(context);
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails()).containsEntry("errorCode",
							WaveHealthEvaluator.HEALTH_CHECK_TIMEOUT);
				});
		}
	}

	@Test
	void reactiveApplicationGetsReactiveIndicator() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.reactiveForServer(server).run((context) -> {
				assertThat(context).hasSingleBean(WaveReactiveHealthIndicator.class)
					.doesNotHaveBean(WaveHealthIndicator.class);
				assertThat(context.getBean(ReactiveHealthContributorRegistry.class).getContributor("wave"))
					.isInstanceOf(ReactiveHealthIndicator.class);
				context.getBean(WaveTokenManager.class).getAccessToken().block(BLOCK);
				Health health = context.getBean(WaveReactiveHealthIndicator.class).health().block(BLOCK);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
			});
		}
	}

	@Test
	void servletApplicationGetsBlockingIndicator() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.servletForServer(server).withPropertyValues("wave.health.active=true").run((context) -> {
				assertThat(context).hasSingleBean(WaveHealthIndicator.class)
					.doesNotHaveBean(WaveReactiveHealthIndicator.class);
				HealthIndicator indicator = (HealthIndicator) context.getBean(HealthContributorRegistry.class)
					.getContributor("wave");
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				assertThat(server.journal().tokenRequestCount()).isEqualTo(1);
			});
		}
	}

	@Test
	void eachNamedClientHasItsHealthUnderWaveClients() {
		try (MockWaveServer server = MockWaveServer.builder()
			.client(MockApiClient.named("lean", "lean-client-id", "lean-Secret-3"))
			.client(MockApiClient.named("slim", "slim-client-id", "slim-Secret-4"))
			.start()) {
			WaveContexts.servletForServer(server)
				.withPropertyValues("wave.health.active=true", "wave.clients.slim.client-secret=wrong-Secret-5")
				.run((context) -> {
					CompositeHealthContributor clients = (CompositeHealthContributor) context
						.getBean(HealthContributorRegistry.class)
						.getContributor("waveClients");
					assertThat(clients).isNotNull();
					Health lean = ((HealthIndicator) clients.getContributor("lean")).health();
					assertThat(lean.getStatus()).isEqualTo(Status.UP);
					assertThat(lean.getDetails()).containsEntry("registrationId", "lean");
					Health slim = ((HealthIndicator) clients.getContributor("slim")).health();
					assertThat(slim.getStatus()).isEqualTo(Status.DOWN);
					assertThat(slim.getDetails()).containsEntry("errorCode", "invalid_client");
					assertThat(slim.toString()).doesNotContain("wrong-Secret-5");
					assertThat(server.journal().tokenRequestCount("lean-client-id")).isEqualTo(1);
				});
		}
	}

	@Test
	void canBeDisabled() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server).withPropertyValues("management.health.wave.enabled=false").run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(WaveHealthIndicator.class)
					.doesNotHaveBean(WaveReactiveHealthIndicator.class);
				assertThat(context.getBean(HealthContributorRegistry.class).getContributor("wave")).isNull();
			});
			WaveContexts.forServer(server).withPropertyValues("wave.enabled=false").run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(WaveHealthIndicator.class);
			});
		}
	}

	@Test
	void expiredTokenNotNeededSinceIsUnknown() {
		Instant now = Instant.parse("2026-01-01T12:00:00Z");
		TokenState expired = new TokenState(now.minusSeconds(7200), now.minusSeconds(3600), null, null);
		WaveHealthEvaluator evaluator = new WaveHealthEvaluator(null, () -> expired, "wave", false,
				Duration.ofSeconds(1), Clock.fixed(now, ZoneOffset.UTC));
		Health health = evaluator.passiveHealth();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("expiresAt", now.minusSeconds(3600).toString());
		TokenState valid = new TokenState(now.minusSeconds(60), now.plusSeconds(3600), null, now.minusSeconds(120));
		assertThat(new WaveHealthEvaluator(null, () -> valid, "wave", false, Duration.ofSeconds(1),
				Clock.fixed(now, ZoneOffset.UTC))
			.passiveHealth()
			.getStatus()).isEqualTo(Status.UP);
	}

	private static Health health(AssertableApplicationContext context) {
		assertThat(context).hasSingleBean(WaveHealthIndicator.class);
		HealthIndicator fromRegistry = (HealthIndicator) context.getBean(HealthContributorRegistry.class)
			.getContributor("wave");
		assertThat(fromRegistry).isSameAs(context.getBean(WaveHealthAutoConfiguration.BEAN_NAME));
		return fromRegistry.health();
	}

	private static void assertNoSecrets(Health health, String token, String secret) {
		String rendered = health.toString() + health.getDetails();
		if (token != null) {
			assertThat(rendered).doesNotContain(token);
		}
		assertThat(rendered).doesNotContain(secret).doesNotContainIgnoringCase("secret");
		for (Map.Entry<String, Object> detail : health.getDetails().entrySet()) {
			assertThat(String.valueOf(detail.getValue())).isNotEqualTo(String.valueOf(secret.length()));
		}
	}

}
