package io.github.wavestarter.token;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wavestarter.autoconfigure.WaveAutoConfiguration;
import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.testsupport.MutableClock;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Renewals forced by the API rejecting the token: at most one per
 * {@code wave.token.forced-renewal-interval}, calls in between fail fast with the API's
 * error; and tokens a server refuses as a header (431, a 400 that is not an API error) or
 * that cannot be sent at all are dropped.
 */
class ForcedRenewalTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private static final String UNAUTHENTICATED = "{\"code\":16,\"message\":\"Unauthenticated\",\"details\":[]}";

	private static final String WHOAMI = "\"id\":\"" + MockWaveServer.DEFAULT_CLIENT_ID + "\"";

	private MutableClock clock;

	private MockWaveServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.clock = MutableClock.now();
		this.server = MockWaveServer.builder().clock(this.clock).start();
		this.runner = WaveContexts.plainForServer(this.server)
			.withBean(WaveAutoConfiguration.WAVE_CLOCK_BEAN_NAME, Clock.class, () -> this.clock);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void endlessUnauthorizedCostsOneTokenRequestPerInterval() {
		this.runner.run((context) -> {
			WebClient wave = waveWebClient(context);
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			this.server.api().failNext(10_000).withStatus(401, UNAUTHENTICATED);
			// the first rejection renews and replays; every later call fails with the 401
			for (int i = 0; i < 200; i++) {
				expectUnauthorized(wave);
			}
			assertThat(this.server.tokenRequestCount()).isEqualTo(2);
			assertThat(this.server.apiRequestCount()).as("one call, its replay, then one per call").isEqualTo(202);
			List<String> issued = this.server.issuedTokens().stream().map((set) -> set.accessToken()).toList();
			assertThat(this.server.apiRequests().subList(3, 202))
				.allSatisfy((request) -> assertThat(request.hasBearerToken(issued.get(1))).isTrue());

			this.clock.advance(Duration.ofSeconds(9));
			expectUnauthorized(wave);
			assertThat(this.server.tokenRequestCount()).isEqualTo(2);
			this.clock.advance(Duration.ofSeconds(1));
			expectUnauthorized(wave);
			assertThat(this.server.tokenRequestCount()).as("the default interval is 10 s").isEqualTo(3);

			// the API accepts tokens again: the kept token works at once
			this.server.reset();
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.tokenRequestCount()).isZero();
		});
	}

	@Test
	void concurrentEndlessUnauthorizedCallsShareOneForcedRenewal() {
		this.server.setTokenResponseDelay(Duration.ofMillis(100));
		this.runner.run((context) -> {
			WebClient wave = waveWebClient(context);
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			this.server.api().failNext(10_000).withStatus(401, UNAUTHENTICATED);
			List<Integer> statuses = Flux.range(0, 200)
				.flatMap((i) -> whoami(wave).map((body) -> 200)
					.onErrorResume(BlueApiException.class, (failure) -> Mono.just(failure.getHttpStatus()))
					.subscribeOn(Schedulers.parallel()), 200)
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(statuses).hasSize(200).containsOnly(401);
			assertThat(this.server.tokenRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void intervalIsConfigurable() {
		this.runner.withPropertyValues("wave.token.forced-renewal-interval=1m").run((context) -> {
			WebClient wave = waveWebClient(context);
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			this.server.api().failNext(10_000).withStatus(401, UNAUTHENTICATED);
			expectUnauthorized(wave);
			this.clock.advance(Duration.ofSeconds(59));
			expectUnauthorized(wave);
			assertThat(this.server.tokenRequestCount()).isEqualTo(2);
			this.clock.advance(Duration.ofSeconds(1));
			expectUnauthorized(wave);
			assertThat(this.server.tokenRequestCount()).isEqualTo(3);
		});
	}

	@Test
	void zeroIntervalRenewsOnEveryRejection() {
		this.runner.withPropertyValues("wave.token.forced-renewal-interval=0s").run((context) -> {
			WebClient wave = waveWebClient(context);
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			this.server.api().failNext(10_000).withStatus(401, UNAUTHENTICATED);
			for (int i = 0; i < 5; i++) {
				expectUnauthorized(wave);
			}
			assertThat(this.server.tokenRequestCount()).isEqualTo(1 + 5);
		});
	}

	@Test
	void revokedTokenAfterTheIntervalIsStillReplacedAndReplayed() {
		this.runner.run((context) -> {
			WebClient wave = waveWebClient(context);
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			this.server.revokeAllTokens();
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			this.clock.advance(Duration.ofSeconds(10));
			this.server.revokeAllTokens();
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.tokenRequestCount()).isEqualTo(3);
		});
	}

	@Test
	void requestHeaderFieldsTooLargeDropsTheToken() {
		this.runner.run((context) -> {
			WebClient wave = waveWebClient(context);
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			this.server.api().failNext(1).withResponse(431, "", "text/plain");
			assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> whoami(wave).block(BLOCK))
				.satisfies((failure) -> assertThat(failure.getHttpStatus()).isEqualTo(431));
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.tokenRequestCount()).isEqualTo(2);
			assertThat(this.server.apiRequests().get(2).hasBearerToken(this.server.issuedTokens().get(1).accessToken()))
				.isTrue();
		});
	}

	@Test
	void tokenTooLargeForTheApiServerIsDroppedAndTheNextCallRecovers() {
		// a valid bearer token under the 16 KB limit, but larger than the 8 KB of headers
		// the API's server accepts: it answers with an error instead of the API
		String large = "L".repeat(12 * 1024);
		this.server.token().failNext(1).withAccessTokenJson("\"" + large + "\"");
		this.runner.run((context) -> {
			WebClient wave = waveWebClient(context);
			assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> whoami(wave).block(BLOCK))
				.satisfies((failure) -> assertThat(failure.getHttpStatus()).isIn(400, 431));
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.tokenRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void badRequestFromTheApiKeepsTheToken() {
		this.runner.run((context) -> {
			WebClient wave = waveWebClient(context);
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			this.server.api().failNext(1).withStatus(400, "{\"code\":3,\"message\":\"bad vendor\",\"details\":[]}");
			assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> whoami(wave).block(BLOCK));
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.tokenRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void badRequestPageOfAProxyDropsTheToken() {
		this.runner.run((context) -> {
			WebClient wave = waveWebClient(context);
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			this.server.api()
				.failNext(1)
				.withResponse(400, "<html><body>Request Header Or Cookie Too Large</body></html>", "text/html");
			assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> whoami(wave).block(BLOCK));
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.tokenRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void tokenThatCannotBeSentFailsTheCallWithoutARequestAndIsDropped() {
		AtomicInteger invalidated = new AtomicInteger();
		String good = this.server.issueAccessToken();
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
			assertThat(this.server.apiRequestCount()).isZero();
			assertThat(this.server.strayRequests()).isEmpty();
			assertThat(invalidated).hasValue(1);
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
		});
	}

	private static void expectUnauthorized(WebClient wave) {
		assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> whoami(wave).block(BLOCK))
			.satisfies((failure) -> assertThat(failure.getHttpStatus()).isEqualTo(401));
	}

	private static WebClient waveWebClient(AssertableApplicationContext context) {
		return context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class);
	}

	private static Mono<String> whoami(WebClient wave) {
		return wave.get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class);
	}

}
