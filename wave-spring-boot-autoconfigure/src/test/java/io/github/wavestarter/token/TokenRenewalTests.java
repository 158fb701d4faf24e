package io.github.wavestarter.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.wavestarter.autoconfigure.WaveAutoConfiguration;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.testsupport.MutableClock;
import io.github.wavestarter.testsupport.WaveContexts;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Renewal while the cached token is still valid, on a clock the test moves: a failing
 * token endpoint never fails a call before the token expires, renewal runs once in the
 * background and backs off, and health tells the degraded state.
 */
class TokenRenewalTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private static final Duration LIFETIME = Duration.ofHours(1);

	private static final String WHOAMI = "\"id\":\"" + MockWaveServer.DEFAULT_CLIENT_ID + "\"";

	private MutableClock clock;

	private MockWaveServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.clock = MutableClock.now();
		this.server = MockWaveServer.builder().clock(this.clock).tokenExpiresIn(LIFETIME).start();
		this.runner = WaveContexts.forServer(this.server)
			.withPropertyValues("wave.token.max-attempts=1")
			.withBean(WaveAutoConfiguration.WAVE_CLOCK_BEAN_NAME, Clock.class, () -> this.clock);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void failingRenewalKeepsServingTheValidTokenAndBacksOff() {
		this.runner.run((context) -> {
			WebClient wave = waveWebClient(context);
			WaveTokenManager manager = context.getBean(WaveTokenManager.class);
			assertThat(whoami(wave)).contains(WHOAMI);
			String first = this.server.issuedTokens().get(0).accessToken();
			Instant expiresAt = manager.getState().expiresAt();
			assertThat(expiresAt).isEqualTo(this.clock.instant().plus(LIFETIME));

			// 30 s before expiry: renewal is due, and the token endpoint is down
			this.clock.advance(LIFETIME.minusSeconds(30));
			this.server.token().failNext(3).withStatus(503);
			assertThat(whoami(wave)).contains(WHOAMI);
			awaitTokenRequests(2);
			await().atMost(BLOCK).until(() -> manager.getState().renewalFailing());
			Instant failedAt = this.clock.instant();

			Health degraded = health(context);
			assertThat(degraded.getStatus()).isEqualTo(Status.UP);
			assertThat(degraded.getDetails()).containsEntry("renewal", "failing")
				.containsEntry("lastErrorCode", "temporarily_unavailable")
				.containsEntry("lastErrorAt", failedAt.toString())
				.containsEntry("expiresAt", expiresAt.toString())
				.containsEntry("nextRenewalAttemptAt", failedAt.plusSeconds(1).toString());

			// within the backoff: every call succeeds with the old token, no token
			// request
			for (int i = 0; i < 20; i++) {
				assertThat(whoami(wave)).contains(WHOAMI);
			}
			assertThat(this.server.tokenRequestCount()).isEqualTo(2);
			assertThat(this.server.apiRequests()).hasSize(22)
				.allSatisfy((request) -> assertThat(request.hasBearerToken(first)).isTrue());

			// after 1 s one more background attempt (fails again: backoff 2 s)
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(whoami(wave)).contains(WHOAMI);
			awaitTokenRequests(3);
			await().atMost(BLOCK)
				.until(() -> this.clock.instant().plusSeconds(2).equals(manager.getState().nextRenewalAttemptAt()));
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(whoami(wave)).contains(WHOAMI);
			assertThat(this.server.tokenRequestCount()).as("still backing off").isEqualTo(3);

			// the third attempt fails, the fourth (endpoint healed) succeeds
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(whoami(wave)).contains(WHOAMI);
			awaitTokenRequests(4);
			this.clock.advance(Duration.ofSeconds(4));
			assertThat(whoami(wave)).contains(WHOAMI);
			awaitTokenRequests(5);
			await().atMost(BLOCK).until(() -> !manager.getState().lastAcquisitionFailed());
			String second = this.server.issuedTokens().get(1).accessToken();
			assertThat(manager.getAccessToken().block(BLOCK).getTokenValue()).isEqualTo(second);
			Health healed = health(context);
			assertThat(healed.getStatus()).isEqualTo(Status.UP);
			assertThat(healed.getDetails()).doesNotContainKeys("renewal", "lastErrorCode");

			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("wave.token.acquisition")
				.tags("outcome", "failure", "error.code", "temporarily_unavailable")
				.timer()
				.count()).isEqualTo(3);
			assertThat(registry.get("wave.token.acquisition").tags("outcome", "success").timer().count()).isEqualTo(2);
		});
	}

	@Test
	void callsFailOnlyOnceTheTokenHasExpired() {
		this.runner.run((context) -> {
			WebClient wave = waveWebClient(context);
			WaveTokenManager manager = context.getBean(WaveTokenManager.class);
			assertThat(whoami(wave)).contains(WHOAMI);
			this.server.token().failNext(100).withStatus(503);
			this.clock.advance(LIFETIME.minusSeconds(10));
			assertThat(whoami(wave)).contains(WHOAMI);
			await().atMost(BLOCK).until(() -> manager.getState().renewalFailing());
			this.clock.advance(Duration.ofSeconds(9));
			assertThat(whoami(wave)).as("one second before expiry").contains(WHOAMI);

			this.clock.advance(Duration.ofSeconds(1));
			assertThatExceptionOfType(WaveTokenException.class).isThrownBy(() -> whoami(wave))
				.satisfies((failure) -> assertThat(failure.getErrorCode()).isEqualTo("temporarily_unavailable"));
			Health down = health(context);
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("lastErrorCode", "temporarily_unavailable")
				.doesNotContainKey("renewal");
		});
	}

	@Test
	void concurrentCallersInTheRenewalWindowDoNotWaitAndShareOneRenewal() {
		this.runner.run((context) -> {
			WebClient wave = waveWebClient(context);
			WaveTokenManager manager = context.getBean(WaveTokenManager.class);
			assertThat(whoami(wave)).contains(WHOAMI);
			this.server.setTokenResponseDelay(Duration.ofSeconds(3));
			this.clock.advance(LIFETIME.minusSeconds(30));
			long started = System.nanoTime();
			List<String> bodies = Flux.range(0, 200)
				.flatMap((i) -> whoamiMono(wave).subscribeOn(Schedulers.parallel()), 200)
				.collectList()
				.block(BLOCK);
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(bodies).hasSize(200).allSatisfy((body) -> assertThat(body).contains(WHOAMI));
			assertThat(took).as("no caller waited for the 3 s renewal").isLessThan(Duration.ofMillis(2500));
			awaitTokenRequests(2);
			await().atMost(BLOCK).until(() -> this.server.issuedTokens().size() == 2);
			String renewed = this.server.issuedTokens().get(1).accessToken();
			await().atMost(BLOCK).until(() -> renewed.equals(manager.getAccessToken().block(BLOCK).getTokenValue()));
			assertThat(this.server.tokenRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void renewalThatIsNotDueYetMakesNoRequest() {
		this.runner.run((context) -> {
			WebClient wave = waveWebClient(context);
			assertThat(whoami(wave)).contains(WHOAMI);
			this.clock.advance(LIFETIME.minusSeconds(61));
			assertThat(whoami(wave)).contains(WHOAMI);
			assertThat(this.server.tokenRequestCount()).isEqualTo(1);
			this.clock.advance(Duration.ofSeconds(2));
			assertThat(whoami(wave)).contains(WHOAMI);
			awaitTokenRequests(2);
		});
	}

	private void awaitTokenRequests(long count) {
		await().atMost(BLOCK).until(() -> this.server.tokenRequestCount() >= count);
		assertThat(this.server.tokenRequestCount()).isEqualTo(count);
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean(HealthIndicator.class).health();
	}

	private static WebClient waveWebClient(AssertableApplicationContext context) {
		return context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class);
	}

	private static String whoami(WebClient wave) {
		return whoamiMono(wave).block(BLOCK);
	}

	private static reactor.core.publisher.Mono<String> whoamiMono(WebClient wave) {
		return wave.get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class);
	}

}
