package io.github.wavestarter.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wavestarter.autoconfigure.WaveAutoConfiguration;
import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.MutableClock;
import io.github.wavestarter.testsupport.WaveContexts;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Renewal, on a clock the test moves. While the cached token is valid, a failing token
 * endpoint never fails a call: renewal runs once in the background and backs off, and
 * health tells the degraded state. Renewals forced by the API rejecting the token happen
 * at most once per {@code wave.token.forced-renewal-interval}, calls in between fail fast
 * with the API's error; tokens a server refuses as a header (431, a 400 that is not an
 * API error) or that cannot be sent at all are dropped.
 */
class TokenRenewalTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private static final Duration LIFETIME = Duration.ofHours(1);

	private static final String UNAUTHENTICATED = "{\"code\":16,\"message\":\"Unauthenticated\",\"details\":[]}";

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
			WebClient wave = afterAFirstCall(context);
			WaveTokenManager manager = context.getBean(WaveTokenManager.class);
			String first = this.server.tokens().issued().get(0).accessToken();
			Instant expiresAt = manager.getState().expiresAt();
			assertThat(expiresAt).isEqualTo(this.clock.instant().plus(LIFETIME));

			// 30 s before expiry: renewal is due, and the token endpoint is down
			this.clock.advance(LIFETIME.minusSeconds(30));
			this.server.faults().token().failNext(3).withStatus(503);
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
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
				assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			}
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
			assertThat(this.server.journal().apiRequests()).hasSize(22)
				.allSatisfy((request) -> assertThat(request.hasBearerToken(first)).isTrue());

			// after 1 s one more background attempt (fails again: backoff 2 s)
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			awaitTokenRequests(3);
			await().atMost(BLOCK)
				.until(() -> this.clock.instant().plusSeconds(2).equals(manager.getState().nextRenewalAttemptAt()));
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.journal().tokenRequestCount()).as("still backing off").isEqualTo(3);

			// the third attempt fails, the fourth (endpoint healed) succeeds
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			awaitTokenRequests(4);
			this.clock.advance(Duration.ofSeconds(4));
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			awaitTokenRequests(5);
			await().atMost(BLOCK).until(() -> !manager.getState().lastAcquisitionFailed());
			String second = this.server.tokens().issued().get(1).accessToken();
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
			WebClient wave = afterAFirstCall(context);
			WaveTokenManager manager = context.getBean(WaveTokenManager.class);
			this.server.faults().token().failNext(100).withStatus(503);
			this.clock.advance(LIFETIME.minusSeconds(10));
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			await().atMost(BLOCK).until(() -> manager.getState().renewalFailing());
			this.clock.advance(Duration.ofSeconds(9));
			assertThat(whoami(wave).block(BLOCK)).as("one second before expiry").contains(WHOAMI);

			this.clock.advance(Duration.ofSeconds(1));
			assertThatExceptionOfType(WaveTokenException.class).isThrownBy(() -> whoami(wave).block(BLOCK))
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
			WebClient wave = afterAFirstCall(context);
			WaveTokenManager manager = context.getBean(WaveTokenManager.class);
			String first = this.server.journal().apiRequests().get(0).bearerTokenSha256();
			this.server.tokens().responseDelay(Duration.ofSeconds(5));
			this.clock.advance(LIFETIME.minusSeconds(30));
			List<String> bodies = Flux.range(0, 200)
				.flatMap((i) -> whoami(wave).subscribeOn(Schedulers.parallel()), 200)
				.collectList()
				.block(BLOCK);
			assertThat(bodies).hasSize(200).allSatisfy((body) -> assertThat(body).contains(WHOAMI));
			// no caller waited for the 5 s renewal: every call went out with the old
			// token
			assertThat(this.server.journal().apiRequests()).hasSize(201)
				.allSatisfy((request) -> assertThat(request.bearerTokenSha256()).isEqualTo(first));
			awaitTokenRequests(2);
			await().atMost(BLOCK).until(() -> this.server.tokens().issued().size() == 2);
			String renewed = this.server.tokens().issued().get(1).accessToken();
			await().atMost(BLOCK).until(() -> renewed.equals(manager.getAccessToken().block(BLOCK).getTokenValue()));
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void renewalThatIsNotDueYetMakesNoRequest() {
		this.runner.run((context) -> {
			WebClient wave = afterAFirstCall(context);
			this.clock.advance(LIFETIME.minusSeconds(61));
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(1);
			this.clock.advance(Duration.ofSeconds(2));
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			awaitTokenRequests(2);
		});
	}

	@Test
	void endlessUnauthorizedCostsOneTokenRequestPerInterval() {
		this.runner.run((context) -> {
			WebClient wave = afterAFirstCall(context);
			rejectEveryToken();
			// the first rejection renews and replays; every later call fails with the 401
			for (int i = 0; i < 200; i++) {
				expectUnauthorized(wave);
			}
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
			assertThat(this.server.journal().apiRequestCount()).as("one call, its replay, then one per call")
				.isEqualTo(202);
			List<String> issued = this.server.tokens().issued().stream().map((set) -> set.accessToken()).toList();
			assertThat(this.server.journal().apiRequests().subList(3, 202))
				.allSatisfy((request) -> assertThat(request.hasBearerToken(issued.get(1))).isTrue());

			this.clock.advance(Duration.ofSeconds(9));
			expectUnauthorized(wave);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
			this.clock.advance(Duration.ofSeconds(1));
			expectUnauthorized(wave);
			assertThat(this.server.journal().tokenRequestCount()).as("the default interval is 10 s").isEqualTo(3);

			// the API accepts tokens again: the kept token works at once
			this.server.reset();
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.journal().tokenRequestCount()).isZero();
		});
	}

	@Test
	void concurrentEndlessUnauthorizedCallsShareOneForcedRenewal() {
		this.server.tokens().responseDelay(Duration.ofMillis(100));
		this.runner.run((context) -> {
			WebClient wave = afterAFirstCall(context);
			rejectEveryToken();
			List<Integer> statuses = Flux.range(0, 200)
				.flatMap((i) -> whoami(wave).map((body) -> 200)
					.onErrorResume(BlueApiException.class, (failure) -> Mono.just(failure.getHttpStatus()))
					.subscribeOn(Schedulers.parallel()), 200)
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(statuses).hasSize(200).containsOnly(401);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void intervalIsConfigurable() {
		this.runner.withPropertyValues("wave.token.forced-renewal-interval=1m").run((context) -> {
			WebClient wave = afterAFirstCall(context);
			rejectEveryToken();
			expectUnauthorized(wave);
			this.clock.advance(Duration.ofSeconds(59));
			expectUnauthorized(wave);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
			this.clock.advance(Duration.ofSeconds(1));
			expectUnauthorized(wave);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(3);
		});
	}

	@Test
	void zeroIntervalRenewsOnEveryRejection() {
		this.runner.withPropertyValues("wave.token.forced-renewal-interval=0s").run((context) -> {
			WebClient wave = afterAFirstCall(context);
			rejectEveryToken();
			for (int i = 0; i < 5; i++) {
				expectUnauthorized(wave);
			}
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(1 + 5);
		});
	}

	@Test
	void revokedTokenAfterTheIntervalIsStillReplacedAndReplayed() {
		this.runner.run((context) -> {
			WebClient wave = afterAFirstCall(context);
			this.server.tokens().revokeAll();
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			this.clock.advance(Duration.ofSeconds(10));
			this.server.tokens().revokeAll();
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(3);
		});
	}

	@Test
	void requestHeaderFieldsTooLargeDropsTheToken() {
		this.runner.run((context) -> {
			WebClient wave = afterAFirstCall(context);
			this.server.faults().api().failNext(1).withResponse(431, "", "text/plain");
			assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> whoami(wave).block(BLOCK))
				.satisfies((failure) -> assertThat(failure.getHttpStatus()).isEqualTo(431));
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
			assertThat(this.server.journal()
				.apiRequests()
				.get(2)
				.hasBearerToken(this.server.tokens().issued().get(1).accessToken())).isTrue();
		});
	}

	@Test
	void tokenTooLargeForTheApiServerIsDroppedAndTheNextCallRecovers() {
		// a valid bearer token under the 16 KB limit, but larger than the 8 KB of headers
		// the API's server accepts: it answers with an error instead of the API
		String large = "L".repeat(12 * 1024);
		this.server.faults().token().failNext(1).withAccessTokenJson("\"" + large + "\"");
		this.runner.run((context) -> {
			WebClient wave = waveWebClient(context);
			assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> whoami(wave).block(BLOCK))
				.satisfies((failure) -> assertThat(failure.getHttpStatus()).isIn(400, 431));
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void badRequestFromTheApiKeepsTheToken() {
		this.runner.run((context) -> {
			WebClient wave = afterAFirstCall(context);
			this.server.faults()
				.api()
				.failNext(1)
				.withStatus(400, "{\"code\":3,\"message\":\"bad vendor\",\"details\":[]}");
			assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> whoami(wave).block(BLOCK));
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void badRequestPageOfAProxyDropsTheToken() {
		this.runner.run((context) -> {
			WebClient wave = afterAFirstCall(context);
			this.server.faults()
				.api()
				.failNext(1)
				.withResponse(400, "<html><body>Request Header Or Cookie Too Large</body></html>", "text/html");
			assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> whoami(wave).block(BLOCK));
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void tokenThatCannotBeSentFailsTheCallWithoutARequestAndIsDropped() {
		AtomicInteger invalidated = new AtomicInteger();
		String good = this.server.tokens().issueAccessToken();
		WaveAccessTokenProvider hostile = new WaveAccessTokenProvider() {

			@Override
			public Mono<OAuth2AccessToken> getAccessToken() {
				return Mono.just(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
						(invalidated.get() == 0) ? "tok\r\nX-Injected: 1" : good, null, null));
			}

			@Override
			public void invalidate(OAuth2AccessToken rejected) {
				invalidated.incrementAndGet();
			}

		};
		this.runner.withBean(WaveAccessTokenProvider.class, () -> hostile).run((context) -> {
			WebClient wave = waveWebClient(context);
			assertThatExceptionOfType(WaveTokenException.class).isThrownBy(() -> whoami(wave).block(BLOCK))
				.satisfies((failure) -> {
					assertThat(failure.getErrorCode()).isEqualTo(WaveTokenException.INVALID_TOKEN_RESPONSE);
					assertThat(failure.getMessage()).contains("cannot be sent in an Authorization header")
						.doesNotContain("tok\r\n")
						.doesNotContain("X-Injected");
				});
			assertThat(this.server.journal().apiRequestCount()).isZero();
			assertThat(this.server.journal().strayRequests()).isEmpty();
			assertThat(invalidated).hasValue(1);
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
		});
	}

	/** The client, after one successful call (so a token is cached). */
	private static WebClient afterAFirstCall(AssertableApplicationContext context) {
		WebClient wave = waveWebClient(context);
		assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
		return wave;
	}

	/** From now on the API answers 401 to every call, whatever the token. */
	private void rejectEveryToken() {
		this.server.faults().api().failNext(10_000).withStatus(401, UNAUTHENTICATED);
	}

	private static void expectUnauthorized(WebClient wave) {
		assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> whoami(wave).block(BLOCK))
			.satisfies((failure) -> assertThat(failure.getHttpStatus()).isEqualTo(401));
	}

	private void awaitTokenRequests(long count) {
		await().atMost(BLOCK).until(() -> this.server.journal().tokenRequestCount() >= count);
		assertThat(this.server.journal().tokenRequestCount()).isEqualTo(count);
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean(HealthIndicator.class).health();
	}

	private static WebClient waveWebClient(AssertableApplicationContext context) {
		return context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class);
	}

	private static Mono<String> whoami(WebClient wave) {
		return wave.get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class);
	}

}
