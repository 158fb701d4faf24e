package io.github.wavestarter.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.wavestarter.autoconfigure.WaveAutoConfiguration;
import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.blue.GrpcCode;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.MutableClock;
import io.github.wavestarter.test.journal.RecordedTokenRequest;
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
 * The token lifecycle under load and faults, against a real loopback token endpoint that
 * counts requests: single flight, renewal, 401 replay, retries and recovery. The emulator
 * and the starter share one {@link MutableClock} ({@code waveClock}): tokens expire when
 * a test moves it ({@link #advance}), never while it sleeps. Before moving it, a test
 * waits until the token manager is idle ({@link WaveTokenManager#whenIdle()}), so that a
 * background renewal started by the last call has ended and the clock cannot outrun it.
 */
class TokenLifecycleTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	/** What the emulator's {@code whoami} answers for the client's token. */
	private static final String WHOAMI = "\"id\":\"" + MockWaveServer.DEFAULT_CLIENT_ID + "\"";

	private MutableClock clock;

	private MockWaveServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.clock = MutableClock.now();
		this.server = MockWaveServer.builder().clock(this.clock).start();
		this.runner = WaveContexts.plainForServer(this.server)
			.withPropertyValues("wave.token.retry-backoff=20ms")
			.withBean(WaveAutoConfiguration.WAVE_CLOCK_BEAN_NAME, Clock.class, () -> this.clock);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void twoHundredConcurrentColdCallsShareOneTokenRequest() {
		this.server.tokens().responseDelay(Duration.ofMillis(50));
		run((context) -> {
			WebClient wave = waveWebClient(context);
			List<String> bodies = Flux.range(0, 200)
				.flatMap((i) -> whoami(wave).subscribeOn(Schedulers.parallel()), 200)
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(bodies).hasSize(200).allSatisfy((body) -> assertThat(body).contains(WHOAMI));
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(1);
			String token = this.server.tokens().issued().get(0).accessToken();
			assertThat(this.server.journal().apiRequests()).hasSize(200)
				.allSatisfy((request) -> assertThat(request.hasBearerToken(token)).isTrue());
		});
	}

	@Test
	void thousandConcurrentColdCallersShareOneTokenRequest() {
		this.server.tokens().responseDelay(Duration.ofMillis(50));
		run((context) -> {
			WaveAccessTokenProvider tokens = context.getBean(WaveAccessTokenProvider.class);
			Set<String> values = concurrentTokens(tokens, 1000);
			assertThat(values).hasSize(1);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void thousandConcurrentCallersRightAfterExpiryShareOneTokenRequest() {
		this.server.tokens().responseDelay(Duration.ofMillis(50)).expiresIn(Duration.ofSeconds(1));
		run((context) -> {
			WaveAccessTokenProvider tokens = context.getBean(WaveAccessTokenProvider.class);
			String first = tokens.getAccessToken().block(BLOCK).getTokenValue();
			advance(context, Duration.ofMillis(1100));
			Set<String> values = concurrentTokens(tokens, 1000);
			assertThat(values).hasSize(1).doesNotContain(first);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void shortLivedTokenIsUsedForMostOfItsLifetime() {
		this.server.tokens().expiresIn(Duration.ofSeconds(2));
		run((context) -> {
			WebClient wave = waveWebClient(context);
			Instant started = this.clock.instant();
			int calls = 0;
			while (this.clock.instant().isBefore(started.plusSeconds(5))) {
				assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
				calls++;
				advance(context, Duration.ofMillis(100));
			}
			// renewed 0.2 s (a tenth of the lifetime) before expiry, in the background:
			// the call that starts a renewal still uses the old token, none is replayed
			assertThat(calls).isEqualTo(50);
			assertThat(this.server.journal().tokenRequests()).extracting(RecordedTokenRequest::receivedAt)
				.containsExactly(started, started.plusMillis(1800), started.plusMillis(3600));
			assertThat(this.server.journal().apiRequestCount()).isEqualTo(calls);
			assertThat(this.server.tokens().issued()).hasSize(3)
				.extracting((issued) -> this.server.journal()
					.apiRequests()
					.stream()
					.filter((request) -> request.hasBearerToken(issued.accessToken()))
					.count())
				.containsExactly(19L, 18L, 13L);
		});
	}

	@Test
	void rejectedTokenIsReplacedAndTheCallReplayedOnce() {
		run((context) -> {
			WebClient wave = waveWebClient(context);
			whoami(wave).block(BLOCK);
			this.server.tokens().revokeAll();
			assertThat(whoami(wave).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
			assertThat(this.server.journal().apiRequestCount()).isEqualTo(3);
		});
	}

	@Test
	void concurrentRejectionsShareOneNewToken() {
		run((context) -> {
			WebClient wave = waveWebClient(context);
			whoami(wave).block(BLOCK);
			this.server.tokens().revokeAll();
			List<String> bodies = Flux.range(0, 50)
				.flatMap((i) -> whoami(wave).subscribeOn(Schedulers.parallel()), 50)
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(bodies).hasSize(50);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void secondUnauthorizedAnswerGoesToTheCaller() {
		String unauthenticated = "{\"code\":16,\"message\":\"Unauthenticated\",\"details\":[]}";
		this.server.faults().api().failNext(2).withStatus(401, unauthenticated);
		run((context) -> {
			assertThatExceptionOfType(BlueApiException.class)
				.isThrownBy(() -> whoami(waveWebClient(context)).block(BLOCK))
				.satisfies((failure) -> {
					assertThat(failure.getHttpStatus()).isEqualTo(401);
					assertThat(failure.getGrpcCode()).isEqualTo(GrpcCode.UNAUTHENTICATED);
				});
			assertThat(this.server.journal().apiRequestCount()).isEqualTo(2);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
			assertThat(whoami(waveWebClient(context)).block(BLOCK)).contains(WHOAMI);
		});
	}

	@Test
	void forbiddenIsNotReplayed() {
		this.server.faults()
			.api("/iam/v1/whoami")
			.failNext(1)
			.withStatus(403, "{\"code\":7,\"message\":\"denied\",\"details\":[]}");
		run((context) -> {
			assertThatExceptionOfType(BlueApiException.class)
				.isThrownBy(() -> whoami(waveWebClient(context)).block(BLOCK))
				.satisfies((failure) -> assertThat(failure.getGrpcCode()).isEqualTo(GrpcCode.PERMISSION_DENIED));
			assertThat(this.server.journal().apiRequestCount()).isEqualTo(1);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void transientServerErrorsAreRetried() {
		this.server.faults().token().failNext(1).withResponse(503, "<html>busy</html>", "text/html");
		this.server.faults().token().failNext(1).withStatus(500, "{}");
		run((context) -> {
			assertThat(whoami(waveWebClient(context)).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(3);
		});
	}

	@Test
	void persistentServerErrorsFailAfterMaxAttemptsThenTheNextCallRecovers() {
		this.server.faults().token().failNext(3).withHtmlBody(502);
		run((context) -> {
			assertThatExceptionOfType(WaveTokenException.class)
				.isThrownBy(() -> whoami(waveWebClient(context)).block(BLOCK))
				.satisfies((failure) -> {
					assertThat(failure.getErrorCode()).isEqualTo("temporarily_unavailable");
					assertThat(failure.getHttpStatus()).isEqualTo(502);
					assertThat(failure.isTransient()).isTrue();
					assertThat(failure.getMessage()).contains("text/html");
				});
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(3);
			assertThat(this.server.journal().apiRequestCount()).isZero();
			assertThat(whoami(waveWebClient(context)).block(BLOCK)).contains(WHOAMI);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(4);
		});
	}

	@Test
	void droppedConnectionsAreRetriedAndReportedAsUnreachable() {
		this.server.faults().token().failNext(2).withDroppedConnection();
		this.runner = this.runner.withPropertyValues("wave.token.max-attempts=2");
		run((context) -> {
			assertThatExceptionOfType(WaveTokenException.class)
				.isThrownBy(() -> context.getBean(WaveAccessTokenProvider.class).getAccessToken().block(BLOCK))
				.satisfies((failure) -> {
					assertThat(failure.getErrorCode()).isEqualTo(WaveTokenException.TOKEN_ENDPOINT_UNREACHABLE);
					assertThat(failure.isTransient()).isTrue();
				});
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
			assertThat(context.getBean(WaveAccessTokenProvider.class).getAccessToken().block(BLOCK)).isNotNull();
		});
	}

	@Test
	void refusedConnectionIsReportedAsUnreachable() {
		this.runner = this.runner.withPropertyValues("wave.token-uri=http://127.0.0.1:1/access_token",
				"wave.token.max-attempts=2");
		run((context) -> assertThatExceptionOfType(WaveTokenException.class)
			.isThrownBy(() -> context.getBean(WaveAccessTokenProvider.class).getAccessToken().block(BLOCK))
			.satisfies((failure) -> assertThat(failure.getErrorCode())
				.isEqualTo(WaveTokenException.TOKEN_ENDPOINT_UNREACHABLE)));
	}

	@Test
	void slowTokenEndpointTimesOutThenRecovers() {
		this.server.tokens().responseDelay(Duration.ofMillis(1500));
		this.runner = this.runner.withPropertyValues("wave.token.timeout=200ms", "wave.token.max-attempts=2");
		run((context) -> {
			WaveAccessTokenProvider tokens = context.getBean(WaveAccessTokenProvider.class);
			long started = System.nanoTime();
			assertThatExceptionOfType(WaveTokenException.class).isThrownBy(() -> tokens.getAccessToken().block(BLOCK))
				.satisfies((failure) -> {
					assertThat(failure.getErrorCode()).isEqualTo(WaveTokenException.TOKEN_ENDPOINT_TIMEOUT);
					assertThat(failure.getMessage()).contains("wave.token.timeout");
				});
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
			this.server.tokens().responseDelay(Duration.ZERO);
			assertThat(tokens.getAccessToken().block(BLOCK)).isNotNull();
		});
	}

	@Test
	void tooManyRequestsHonoursRetryAfter() {
		this.server.faults().token().failNext(1).withStatus(429, "{}").withRetryAfter(1);
		run((context) -> {
			long started = System.nanoTime();
			assertThat(context.getBean(WaveAccessTokenProvider.class).getAccessToken().block(BLOCK)).isNotNull();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void retryAfterLongerThanTheTimeoutFailsAtOnceAndSaysSo() {
		this.server.faults().token().failNext(1).withStatus(429, "{}").withRetryAfter(3600);
		run((context) -> {
			assertThatExceptionOfType(WaveTokenException.class)
				.isThrownBy(() -> context.getBean(WaveAccessTokenProvider.class).getAccessToken().block(BLOCK))
				.satisfies((failure) -> {
					assertThat(failure.getHttpStatus()).isEqualTo(429);
					assertThat(failure.getRetryAfter()).isEqualTo(Duration.ofHours(1));
				});
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void oauth2RefusalsAreNotRetriedAndReachEveryWaitingCaller() {
		this.server.tokens().responseDelay(Duration.ofMillis(100));
		this.server.faults()
			.token()
			.failNext(1)
			.withStatus(400, "{\"error\":\"invalid_grant\",\"error_description\":\"nope\"}");
		run((context) -> {
			WaveAccessTokenProvider tokens = context.getBean(WaveAccessTokenProvider.class);
			List<String> outcomes = Flux.range(0, 50)
				.flatMap((i) -> tokens.getAccessToken()
					.map(OAuth2AccessToken::getTokenValue)
					.onErrorResume(WaveTokenException.class, (failure) -> Mono.just(failure.getErrorCode()))
					.subscribeOn(Schedulers.parallel()), 50)
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(outcomes).hasSize(50).containsOnly("invalid_grant");
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(1);
			assertThat(tokens.getAccessToken().block(BLOCK)).isNotNull();
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void htmlAnswerIsAnInvalidTokenResponse() {
		this.server.faults().token().failNext(1).withResponse(200, "<html><body>Login</body></html>", "text/html");
		expectInvalidTokenResponse("text/html");
	}

	@Test
	void truncatedJsonIsAnInvalidTokenResponse() {
		this.server.faults().token().failNext(1).withTruncatedJson();
		expectInvalidTokenResponse("truncated JSON");
	}

	@Test
	void missingAccessTokenIsAnInvalidTokenResponse() {
		this.server.faults().token().failNext(1).withStatus(200, "{\"token_type\":\"Bearer\",\"expires_in\":60}");
		expectInvalidTokenResponse("access_token");
	}

	@Test
	void unsupportedTokenTypeIsAnInvalidTokenResponse() {
		this.server.faults()
			.token()
			.failNext(1)
			.withStatus(200, "{\"access_token\":\"tok-mac-1\",\"token_type\":\"mac\"}");
		expectInvalidTokenResponse("'mac'");
	}

	@Test
	void missingTokenTypeMeansBearerAndMissingExpiryTheDefaultLifetime() {
		this.server.faults().token().failNext(1).withStatus(200, "{\"access_token\":\"plain-token-1\"}");
		this.runner = this.runner.withPropertyValues("wave.token.default-expires-in=7m");
		run((context) -> {
			OAuth2AccessToken token = context.getBean(WaveAccessTokenProvider.class).getAccessToken().block(BLOCK);
			assertThat(token.getTokenValue()).isEqualTo("plain-token-1");
			assertThat(token.getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
			assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(7));
		});
	}

	@Test
	void zeroExpiryMeansTheDefaultLifetime() {
		this.server.faults().token().failNext(1).withStatus(200, "{\"access_token\":\"t0\",\"expires_in\":0}");
		run((context) -> {
			OAuth2AccessToken token = context.getBean(WaveAccessTokenProvider.class).getAccessToken().block(BLOCK);
			assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
		});
	}

	@Test
	void refreshTokenGrantIsTriedFirstWhenEnabled() {
		this.server.tokens().expiresIn(Duration.ofSeconds(1));
		this.runner = this.runner.withPropertyValues("wave.token.use-refresh-token=true");
		run((context) -> {
			WaveAccessTokenProvider tokens = context.getBean(WaveAccessTokenProvider.class);
			tokens.getAccessToken().block(BLOCK);
			advance(context, Duration.ofSeconds(1));
			tokens.getAccessToken().block(BLOCK);
			assertThat(this.server.journal().tokenRequests()).hasSize(2);
			assertThat(this.server.journal().tokenRequests().get(1).contentType()).startsWith("multipart/form-data");
			assertThat(this.server.journal().tokenRequests().get(1).parts())
				.containsEntry("grant_type", "refresh_token")
				.containsEntry("refresh_token", this.server.tokens().issued().get(0).refreshToken())
				.containsEntry("client_id", this.server.clientId());
		});
	}

	@Test
	void refusedRefreshFallsBackToTheConfiguredGrant() {
		this.server.tokens().expiresIn(Duration.ofSeconds(1));
		this.runner = this.runner.withPropertyValues("wave.token.use-refresh-token=true");
		run((context) -> {
			WaveAccessTokenProvider tokens = context.getBean(WaveAccessTokenProvider.class);
			tokens.getAccessToken().block(BLOCK);
			advance(context, Duration.ofSeconds(1));
			this.server.faults().token().failNext(1).withStatus(400, "{\"error\":\"unsupported_grant_type\"}");
			assertThat(tokens.getAccessToken().block(BLOCK)).isNotNull();
			assertThat(this.server.journal().tokenRequests()).extracting((request) -> request.parts().get("grant_type"))
				.containsExactly("client_credentials", "refresh_token", "client_credentials");
		});
	}

	@Test
	void refreshIsNotUsedByDefault() {
		this.server.tokens().expiresIn(Duration.ofSeconds(1));
		run((context) -> {
			WaveAccessTokenProvider tokens = context.getBean(WaveAccessTokenProvider.class);
			tokens.getAccessToken().block(BLOCK);
			advance(context, Duration.ofSeconds(1));
			tokens.getAccessToken().block(BLOCK);
			assertThat(this.server.journal().tokenRequests()).extracting((request) -> request.parts().get("grant_type"))
				.containsExactly("client_credentials", "client_credentials");
		});
	}

	private void expectInvalidTokenResponse(String detail) {
		run((context) -> {
			WaveAccessTokenProvider tokens = context.getBean(WaveAccessTokenProvider.class);
			assertThatExceptionOfType(WaveTokenException.class).isThrownBy(() -> tokens.getAccessToken().block(BLOCK))
				.satisfies((failure) -> {
					assertThat(failure.getErrorCode()).isEqualTo(WaveTokenException.INVALID_TOKEN_RESPONSE);
					assertThat(failure.getHttpStatus()).isEqualTo(200);
					assertThat(failure.isTransient()).isFalse();
					assertThat(failure.getMessage()).contains(detail).doesNotContain("tok-mac-1");
				});
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(1);
			assertThat(tokens.getAccessToken().block(BLOCK)).isNotNull();
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
		});
	}

	private Set<String> concurrentTokens(WaveAccessTokenProvider tokens, int callers) {
		Set<String> values = ConcurrentHashMap.newKeySet();
		List<OAuth2AccessToken> all = Flux.range(0, callers)
			.flatMap((i) -> tokens.getAccessToken().subscribeOn(Schedulers.parallel()), callers)
			.doOnNext((token) -> values.add(token.getTokenValue()))
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(all).hasSize(callers);
		return values;
	}

	/**
	 * Moves the shared clock once the token manager is idle, so that a background renewal
	 * started by the last call ends before its token can expire.
	 */
	private void advance(AssertableApplicationContext context, Duration duration) {
		context.getBean(WaveTokenManager.class).whenIdle().block(BLOCK);
		this.clock.advance(duration);
	}

	private void run(ThrowingContextConsumer consumer) {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			consumer.accept(context);
		});
	}

	private static WebClient waveWebClient(AssertableApplicationContext context) {
		return context.getBean("waveWebClient", WebClient.class);
	}

	private static Mono<String> whoami(WebClient wave) {
		return wave.get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class);
	}

	@FunctionalInterface
	interface ThrowingContextConsumer {

		void accept(AssertableApplicationContext context) throws Exception;

	}

}
