package io.github.wavestarter.token;

import java.time.Duration;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.fault.HostileToken;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Token responses a hostile or broken endpoint sends: access tokens that could not be
 * sent in a header, out-of-range lifetimes, and error texts with control characters,
 * echoed credentials and no end. None is cached, none reaches a message unfiltered, and
 * the next call recovers as soon as the endpoint does.
 */
class TokenResponseHardeningTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private static final String PASSWORD = "Echoed-Passw0rd-Value";

	private MockWaveServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = MockWaveServer.builder().user("alice@example.com", PASSWORD).start();
		this.runner = WaveContexts.plainForServer(this.server).withPropertyValues("wave.token.retry-backoff=10ms");
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@ParameterizedTest
	@EnumSource(HostileToken.class)
	void hostileAccessTokenIsRefusedAndNotCached(HostileToken hostile) {
		this.server.faults().token().failNext(1).withHostileToken(hostile);
		run((context) -> {
			WaveTokenException failure = invalidTokenResponse(context);
			String expected = switch (hostile) {
				case JSON_OBJECT -> "'access_token' is a JSON object, not a string";
				case JSON_ARRAY -> "'access_token' is a JSON array, not a string";
				case JSON_NUMBER -> "'access_token' is a JSON number, not a string";
				case JSON_BOOLEAN -> "'access_token' is a JSON boolean, not a string";
				case OVERSIZED -> "'access_token' is 71680 characters long; at most 16384 are accepted";
				default -> "'access_token' has characters a bearer token cannot have";
			};
			JsonNode value = JsonMapper.shared().readTree(hostile.json());
			assertThat(failure.getMessage()).contains(expected)
				.doesNotContain(value.isString() ? value.asString() : value.toString())
				.doesNotContain("AAAA");
			assertThat(this.server.journal().tokenRequestCount()).as("not retried").isEqualTo(1);
			// not cached: the next call asks again and gets the endpoint's real token
			assertThat(whoami(context)).contains("\"id\":\"" + this.server.clientId() + "\"");
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void tokenOfTheLargestAcceptedLengthIsUsedAndOneMoreCharacterIsRefused() {
		String largest = "A".repeat(BearerTokens.MAX_LENGTH - 2) + "==";
		this.server.faults().token().failNext(1).withAccessTokenJson("\"" + largest + "\"");
		this.server.faults().token().failNext(1).withAccessTokenJson("\"" + largest + "B\"");
		run((context) -> {
			assertThat(tokens(context).getAccessToken().block(BLOCK).getTokenValue()).isEqualTo(largest);
			tokens(context).invalidate(tokens(context).getAccessToken().block(BLOCK));
			assertThat(invalidTokenResponse(context).getMessage()).contains("16385 characters long");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"=abc\"", "\"a=b\"", "\"\\\"quoted\\\"\"", "\"tab\\tbed\"", "\"semi;colon\"" })
	void tokensOutsideTheBearerSyntaxAreRefused(String accessTokenJson) {
		this.server.faults().token().failNext(1).withAccessTokenJson(accessTokenJson);
		run((context) -> assertThat(invalidTokenResponse(context).getMessage())
			.contains("has characters a bearer token cannot have"));
	}

	@Test
	void tokenWithEveryBearerCharacterIsAccepted() {
		String token = "AZaz09-._~+/==";
		this.server.faults().token().failNext(1).withAccessTokenJson("\"" + token + "\"");
		run((context) -> assertThat(tokens(context).getAccessToken().block(BLOCK).getTokenValue()).isEqualTo(token));
	}

	@ParameterizedTest
	@ValueSource(strings = { "9223372036854775807", "18446744073709551617", "1e300", "\"1e999999999\"", "86401" })
	void expiresInAboveOneDayCountsAsOneDay(String expiresIn) {
		this.server.faults().token().failNext(1).withExpiresInJson(expiresIn);
		run((context) -> assertThat(lifetime(tokens(context).getAccessToken().block(BLOCK)))
			.isEqualTo(WaveTokenResponseClient.MAX_EXPIRES_IN)
			.isEqualTo(Duration.ofDays(1)));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "59.9|59", "3600|3600", "\"3600\"|3600", "86400|86400", "1|1", "0.5|300", "0|300" })
	void fractionalExpiresInIsRoundedDownAndZeroMeansTheDefault(String expiresIn, long seconds) {
		this.server.faults().token().failNext(1).withExpiresInJson(expiresIn);
		run((context) -> assertThat(lifetime(tokens(context).getAccessToken().block(BLOCK)))
			.isEqualTo(Duration.ofSeconds(seconds)));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			value = { "-5|a negative 'expires_in'", "-0.5|a negative 'expires_in'",
					"-9223372036854775808|a negative 'expires_in'", "\"soon\"|a non-numeric 'expires_in' 'soon'",
					"true|'expires_in' is a JSON boolean, not a number",
					"{}|'expires_in' is a JSON object, not a number" })
	void unusableExpiresInIsAnInvalidTokenResponse(String expiresIn, String message) {
		this.server.faults().token().failNext(1).withExpiresInJson(expiresIn);
		run((context) -> {
			assertThat(invalidTokenResponse(context).getMessage()).contains(message);
			assertThat(this.server.journal().tokenRequestCount()).as("not retried").isEqualTo(1);
		});
	}

	@Test
	void errorTextIsCleanedMaskedAndTruncated() {
		String forged = "bad\r\n2026-01-01 INFO forged log line\u0000\u202e";
		this.server.faults()
			.token()
			.failNext(1)
			.withStatus(400,
					"{\"error\":\"invalid_grant\",\"error_description\":\"" + json(forged) + " echo: "
							+ this.server.clientSecret() + " / " + PASSWORD + " " + "x".repeat(5000)
							+ "\",\"error_uri\":\"https://evil.example/\\r\\nX: " + PASSWORD + "\"}");
		this.runner
			.withPropertyValues("wave.grant-type=password", "wave.username=alice@example.com",
					"wave.password=" + PASSWORD)
			.run((context) -> {
				WaveTokenException failure = tokenFailure(context);
				assertThat(failure.getErrorCode()).isEqualTo("invalid_grant");
				String description = failure.getError().getDescription();
				assertThat(description).startsWith("bad??2026-01-01 INFO forged log line??")
					.contains(" echo: ****** / ****** xxx")
					.endsWith("...")
					.hasSize(203)
					.doesNotContain(this.server.clientSecret())
					.doesNotContain(PASSWORD)
					.doesNotContain("\r")
					.doesNotContain("\n");
				assertThat(failure.getError().getUri()).isEqualTo("https://evil.example/??X: ******");
				assertThat(failure.getMessage()).doesNotContain("\n")
					.doesNotContain(this.server.clientSecret())
					.doesNotContain(PASSWORD)
					.hasSizeLessThan(300);
			});
	}

	@Test
	void madeUpErrorCodeIsCleanedAndReportedAsOther() {
		this.server.faults()
			.token()
			.failNext(1)
			.withStatus(400,
					"{\"error\":\"evil\\r\\ncode-" + this.server.clientSecret() + "-" + "y".repeat(100) + "\"}");
		run((context) -> {
			WaveTokenException failure = tokenFailure(context);
			assertThat(failure.getErrorCode()).startsWith("evil??code-******-yyy")
				.hasSize(64 + 3)
				.doesNotContain(this.server.clientSecret());
			assertThat(WaveTokenException.errorCodeOf(failure)).isEqualTo(WaveTokenException.OTHER_ERROR_CODE);
			assertThat(context.getBean(WaveTokenManager.class).getState().lastErrorCode()).isEqualTo("other");
		});
	}

	@Test
	void echoedSecretInATokenTypeIsMasked() {
		this.server.faults()
			.token()
			.failNext(1)
			.withStatus(200, "{\"access_token\":\"abc\",\"token_type\":\"" + this.server.clientSecret() + "\"}");
		run((context) -> assertThat(invalidTokenResponse(context).getMessage()).contains("'token_type' '******'")
			.doesNotContain(this.server.clientSecret()));
	}

	@Test
	void tricklingTokenResponseIsCutByTheTokenTimeout() {
		// about 300 bytes, one every 50 ms: each read is within the response timeout, the
		// whole answer would take 15 s
		this.server.faults().token().failNext(2).withTricklingBody(1, Duration.ofMillis(50));
		this.runner
			.withPropertyValues("wave.token.timeout=500ms", "wave.token.max-attempts=2",
					"wave.http.response-timeout=200ms")
			.run((context) -> {
				long started = System.nanoTime();
				WaveTokenException failure = tokenFailure(context);
				Duration took = Duration.ofNanos(System.nanoTime() - started);
				assertThat(failure.getErrorCode()).isEqualTo(WaveTokenException.TOKEN_ENDPOINT_TIMEOUT);
				assertThat(failure.getMessage()).contains("wave.token.timeout");
				assertThat(failure.isTransient()).isTrue();
				assertThat(took).isLessThan(Duration.ofSeconds(3));
				assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
				assertThat(tokens(context).getAccessToken().block(BLOCK)).isNotNull();
			});
	}

	private WaveTokenException invalidTokenResponse(AssertableApplicationContext context) {
		WaveTokenException failure = tokenFailure(context);
		assertThat(failure.getErrorCode()).isEqualTo(WaveTokenException.INVALID_TOKEN_RESPONSE);
		assertThat(failure.getHttpStatus()).isEqualTo(200);
		assertThat(failure.isTransient()).isFalse();
		return failure;
	}

	private static WaveTokenException tokenFailure(AssertableApplicationContext context) {
		WaveTokenException[] caught = new WaveTokenException[1];
		assertThatExceptionOfType(WaveTokenException.class)
			.isThrownBy(() -> tokens(context).getAccessToken().block(BLOCK))
			.satisfies((failure) -> caught[0] = failure);
		return caught[0];
	}

	private void run(ThrowingConsumer consumer) {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			consumer.accept(context);
		});
	}

	private static Duration lifetime(OAuth2AccessToken token) {
		return Duration.between(token.getIssuedAt(), token.getExpiresAt());
	}

	private static WaveAccessTokenProvider tokens(AssertableApplicationContext context) {
		return context.getBean(WaveAccessTokenProvider.class);
	}

	private static String whoami(AssertableApplicationContext context) {
		return context.getBean("waveWebClient", WebClient.class)
			.get()
			.uri("/iam/v1/whoami")
			.retrieve()
			.bodyToMono(String.class)
			.block(BLOCK);
	}

	private static String json(String text) {
		return text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\u0000").replace("\u202e", "\\u202e");
	}

	@FunctionalInterface
	interface ThrowingConsumer {

		void accept(AssertableApplicationContext context) throws Exception;

	}

}
