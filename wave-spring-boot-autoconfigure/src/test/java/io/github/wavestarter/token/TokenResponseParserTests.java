package io.github.wavestarter.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link TokenResponseParser} on its own: what it keeps of a token response and how it
 * describes a body it refuses, without HTTP.
 */
class TokenResponseParserTests {

	private final TokenResponseParser parser = new TokenResponseParser(JsonMapper.builder().build(),
			Duration.ofMinutes(5));

	@Test
	void scopesAreSplitOnWhitespaceAndBlankMeansNone() {
		assertThat(parse("{\"access_token\":\"t\",\"scope\":\" read   write\\tadmin \"}").getAccessToken().getScopes())
			.containsExactly("read", "write", "admin");
		assertThat(parse("{\"access_token\":\"t\",\"scope\":\"  \"}").getAccessToken().getScopes()).isEmpty();
		assertThat(parse("{\"access_token\":\"t\",\"scope\":7}").getAccessToken().getScopes()).isEmpty();
		assertThat(parse("{\"access_token\":\"t\"}").getAccessToken().getScopes()).isEmpty();
	}

	@Test
	void standardParametersAreNotRepeatedAsAdditionalOnes() {
		OAuth2AccessTokenResponse response = parse("{\"access_token\":\"t\",\"token_type\":\"bearer\","
				+ "\"expires_in\":60,\"refresh_token\":\"r\",\"scope\":\"openid\",\"id_token\":\"i\"}");
		assertThat(response.getAdditionalParameters()).containsOnlyKeys("id_token");
		assertThat(response.getRefreshToken().getTokenValue()).isEqualTo("r");
		assertThat(response.getAccessToken().getTokenValue()).isEqualTo("t");
	}

	@Test
	void refreshTokenThatIsNotAStringIsIgnored() {
		assertThat(parse("{\"access_token\":\"t\",\"refresh_token\":{\"v\":1}}").getRefreshToken()).isNull();
	}

	@Test
	void expiresInIsCappedAtOneDayAndFractionsAreCut() {
		assertThat(lifetime("86400")).isEqualTo(Duration.ofDays(1));
		assertThat(lifetime("86401")).isEqualTo(Duration.ofDays(1));
		assertThat(lifetime("1e300")).isEqualTo(Duration.ofDays(1));
		assertThat(lifetime("59.9")).isEqualTo(Duration.ofSeconds(59));
		assertThat(lifetime("\" 120 \"")).isEqualTo(Duration.ofSeconds(120));
		assertThat(lifetime("0.5")).isEqualTo(Duration.ofMinutes(5));
		assertThat(lifetime("1")).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void wrongJsonKindsAreNamed() {
		assertThat(invalid("{\"access_token\":\"t\",\"token_type\":{}}")).contains("'token_type' is a JSON object");
		assertThat(invalid("{\"access_token\":\"t\",\"token_type\":[]}")).contains("'token_type' is a JSON array");
		assertThat(invalid("{\"access_token\":\"t\",\"token_type\":true}")).contains("'token_type' is a JSON boolean");
		assertThat(invalid("{\"access_token\":\"t\",\"token_type\":1}")).contains("'token_type' is a JSON number");
		assertThat(invalid("{\"access_token\":\"t\",\"expires_in\":[1]}")).contains("'expires_in' is a JSON array");
	}

	@Test
	void refusedBodiesAreDescribedByKindTypeAndSizeOnly() {
		assertThat(invalid(HttpStatus.OK, MediaType.TEXT_HTML, "<html>secret-token</html>"))
			.isEqualTo("The token endpoint answered a non-JSON body (text/html, 25 bytes) instead of a JSON token"
					+ " response");
		assertThat(invalid(HttpStatus.OK, null, "  {\"access_token\":\"secret-token"))
			.isEqualTo("The token endpoint answered malformed or truncated JSON (unknown, 31 bytes) instead of a JSON"
					+ " token response");
		assertThat(invalid(HttpStatus.OK, MediaType.APPLICATION_JSON, "[\"secret-token\"]"))
			.startsWith("The token endpoint answered malformed or truncated JSON (application/json, 16 bytes)");
		assertThat(invalid(HttpStatus.OK, MediaType.APPLICATION_JSON, ""))
			.isEqualTo("The token endpoint answered an empty body instead of a JSON token response");
	}

	@Test
	void errorStatusWithoutAnOAuth2BodyIsTransientOnlyFor408And429And5xx() {
		assertThat(failure(HttpStatus.REQUEST_TIMEOUT, "<html/>").isTransient()).isTrue();
		assertThat(failure(HttpStatus.TOO_MANY_REQUESTS, "").isTransient()).isTrue();
		assertThat(failure(HttpStatus.BAD_GATEWAY, "").getErrorCode()).isEqualTo("temporarily_unavailable");
		WaveTokenException notFound = failure(HttpStatus.NOT_FOUND, "<html>no</html>");
		assertThat(notFound.isTransient()).isFalse();
		assertThat(notFound.getErrorCode()).isEqualTo(WaveTokenException.TOKEN_ENDPOINT_ERROR);
		assertThat(notFound.getError().getDescription())
			.isEqualTo("The token endpoint answered a non-JSON body (text/html, 15 bytes) instead of a token response");
		assertThat(notFound.getHttpStatus()).isEqualTo(404);
	}

	@Test
	void oauth2ErrorBodyKeepsItsCodeWhateverTheStatus() {
		WaveTokenException failure = failure(HttpStatus.SERVICE_UNAVAILABLE,
				"{\"error\":\"slow_down\",\"error_description\":\"later\",\"error_uri\":\"https://e/x\"}");
		assertThat(failure.getErrorCode()).isEqualTo("slow_down");
		assertThat(failure.getError().getDescription()).isEqualTo("later");
		assertThat(failure.getError().getUri()).isEqualTo("https://e/x");
		assertThat(failure.isTransient()).isTrue();
	}

	private OAuth2AccessTokenResponse parse(String json) {
		return this.parser.parse(HttpStatus.OK, MediaType.APPLICATION_JSON, json.getBytes(StandardCharsets.UTF_8), null,
				ServerText.masking("client-secret"));
	}

	private Duration lifetime(String expiresIn) {
		OAuth2AccessTokenResponse response = parse("{\"access_token\":\"t\",\"expires_in\":" + expiresIn + "}");
		return Duration.between(response.getAccessToken().getIssuedAt(), response.getAccessToken().getExpiresAt());
	}

	private String invalid(String json) {
		return invalid(HttpStatus.OK, MediaType.APPLICATION_JSON, json);
	}

	private String invalid(HttpStatusCode status, MediaType contentType, String body) {
		WaveTokenException failure = assertThatExceptionOfType(WaveTokenException.class)
			.isThrownBy(() -> this.parser.parse(status, contentType, body.getBytes(StandardCharsets.UTF_8), null,
					ServerText.masking("client-secret")))
			.actual();
		assertThat(failure.getErrorCode()).isEqualTo(WaveTokenException.INVALID_TOKEN_RESPONSE);
		assertThat(failure.isTransient()).isFalse();
		return failure.getError().getDescription();
	}

	private WaveTokenException failure(HttpStatusCode status, String body) {
		return assertThatExceptionOfType(WaveTokenException.class)
			.isThrownBy(() -> this.parser.parse(status, MediaType.TEXT_HTML, body.getBytes(StandardCharsets.UTF_8),
					null, ServerText.masking("client-secret")))
			.actual();
	}

}
