package io.github.wavestarter.token;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Turns the token endpoint's answer into an {@link OAuth2AccessTokenResponse}, or into a
 * {@link WaveTokenException} that says what was wrong without repeating the body (which
 * may hold a token).
 * <p>
 * Lenient where the Wave endpoint is known to be: a missing {@code token_type} means
 * Bearer, a missing or zero {@code expires_in} means the configured default lifetime.
 * Strict where it matters: no {@code access_token}, an {@code access_token} that is not a
 * JSON string or not a valid bearer token ({@link BearerTokens}), a non-Bearer token
 * type, a negative or non-numeric {@code expires_in}, HTML or truncated JSON all fail.
 * <p>
 * {@code expires_in}: a fractional value is rounded down to whole seconds (a result of
 * zero means the default lifetime, as zero does); a value above
 * {@link WaveTokenResponseClient#MAX_EXPIRES_IN} (one day) is treated as one day, so that
 * no token stays cached longer than that however large the value (even {@code 1e300}); a
 * negative value is an {@code invalid_token_response}.
 * <p>
 * Text of the endpoint that reaches a message goes through {@link ServerText}.
 */
final class TokenResponseParser {

	private static final Set<String> STANDARD_PARAMETERS = Set.of(OAuth2ParameterNames.ACCESS_TOKEN,
			OAuth2ParameterNames.TOKEN_TYPE, OAuth2ParameterNames.EXPIRES_IN, OAuth2ParameterNames.REFRESH_TOKEN,
			OAuth2ParameterNames.SCOPE);

	private static final BigDecimal MAX_EXPIRES_IN_SECONDS = BigDecimal
		.valueOf(WaveTokenResponseClient.MAX_EXPIRES_IN.toSeconds());

	private final JsonMapper jsonMapper;

	private final Duration defaultExpiresIn;

	TokenResponseParser(JsonMapper jsonMapper, Duration defaultExpiresIn) {
		this.jsonMapper = jsonMapper;
		this.defaultExpiresIn = defaultExpiresIn;
	}

	OAuth2AccessTokenResponse parse(HttpStatusCode status, @Nullable MediaType contentType, byte[] body,
			@Nullable Duration retryAfter, ServerText serverText) {
		Map<String, Object> json = readJsonObject(body);
		boolean transientStatus = isTransient(status);
		if (json != null && json.get(OAuth2ParameterNames.ERROR) instanceof String errorCode) {
			OAuth2Error error = new OAuth2Error(serverText.code(errorCode),
					serverText.text(string(json.get(OAuth2ParameterNames.ERROR_DESCRIPTION))),
					serverText.text(string(json.get(OAuth2ParameterNames.ERROR_URI))));
			throw new WaveTokenException(error, status.value(), transientStatus, retryAfter, null);
		}
		if (!status.is2xxSuccessful()) {
			String code = transientStatus ? OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE
					: WaveTokenException.TOKEN_ENDPOINT_ERROR;
			throw new WaveTokenException(
					new OAuth2Error(code,
							"The token endpoint answered " + describe(contentType, body)
									+ " instead of a token response",
							null),
					status.value(), transientStatus, retryAfter, null);
		}
		if (json == null) {
			throw invalid(status,
					"The token endpoint answered " + describe(contentType, body) + " instead of a JSON token response");
		}
		return toTokenResponse(status, json, serverText);
	}

	private OAuth2AccessTokenResponse toTokenResponse(HttpStatusCode status, Map<String, Object> json,
			ServerText serverText) {
		String accessToken = accessToken(status, json.get(OAuth2ParameterNames.ACCESS_TOKEN));
		Object tokenType = json.get(OAuth2ParameterNames.TOKEN_TYPE);
		if (tokenType != null && !(tokenType instanceof String)) {
			throw invalid(status, "The token response's 'token_type' is " + kindOf(tokenType) + ", not a string");
		}
		if (tokenType != null && !OAuth2AccessToken.TokenType.BEARER.getValue().equalsIgnoreCase((String) tokenType)) {
			throw invalid(status, "The token response has 'token_type' " + serverText.quoteShort((String) tokenType)
					+ "; only 'Bearer' is supported");
		}
		Map<String, Object> additional = new LinkedHashMap<>(json);
		additional.keySet().removeAll(STANDARD_PARAMETERS);
		return OAuth2AccessTokenResponse.withToken(accessToken)
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(expiresIn(status, json.get(OAuth2ParameterNames.EXPIRES_IN), serverText))
			.refreshToken(string(json.get(OAuth2ParameterNames.REFRESH_TOKEN)))
			.scopes(scopes(string(json.get(OAuth2ParameterNames.SCOPE))))
			.additionalParameters(additional)
			.build();
	}

	/**
	 * The access token, if it is a JSON string that can be sent as a bearer token. The
	 * messages never repeat it, not even in part.
	 */
	private static String accessToken(HttpStatusCode status, @Nullable Object value) {
		if (value == null || "".equals(value)) {
			throw invalid(status, "The token response has no 'access_token'");
		}
		if (!(value instanceof String token)) {
			throw invalid(status, "The token response's 'access_token' is " + kindOf(value) + ", not a string");
		}
		if (token.length() > BearerTokens.MAX_LENGTH) {
			throw invalid(status, "The token response's 'access_token' is " + token.length()
					+ " characters long; at most " + BearerTokens.MAX_LENGTH + " are accepted");
		}
		if (!BearerTokens.isValid(token)) {
			throw invalid(status, "The token response's 'access_token' has characters a bearer token cannot have "
					+ "(RFC 6750 b64token: ASCII letters, digits, '-._~+/', trailing '=')");
		}
		return token;
	}

	private long expiresIn(HttpStatusCode status, @Nullable Object value, ServerText serverText) {
		BigDecimal seconds;
		if (value == null) {
			seconds = BigDecimal.ZERO;
		}
		else if (value instanceof BigDecimal decimal) {
			seconds = decimal;
		}
		else if (value instanceof Number number) {
			seconds = new BigDecimal(number.toString());
		}
		else if (value instanceof String text) {
			try {
				seconds = new BigDecimal(text.trim());
			}
			catch (NumberFormatException ex) {
				throw invalid(status,
						"The token response has a non-numeric 'expires_in' " + serverText.quoteShort(text));
			}
		}
		else {
			throw invalid(status, "The token response's 'expires_in' is " + kindOf(value) + ", not a number");
		}
		if (seconds.signum() < 0) {
			throw invalid(status, "The token response has a negative 'expires_in'");
		}
		if (seconds.compareTo(MAX_EXPIRES_IN_SECONDS) > 0) {
			return MAX_EXPIRES_IN_SECONDS.longValue();
		}
		long whole = seconds.longValue();
		return (whole > 0) ? whole : Math.max(1, this.defaultExpiresIn.toSeconds());
	}

	private static String kindOf(Object value) {
		if (value instanceof Map) {
			return "a JSON object";
		}
		if (value instanceof List) {
			return "a JSON array";
		}
		if (value instanceof Boolean) {
			return "a JSON boolean";
		}
		if (value instanceof Number) {
			return "a JSON number";
		}
		return "a JSON string";
	}

	private @Nullable Map<String, Object> readJsonObject(byte[] body) {

		if (body.length == 0) {
			return null;
		}
		try {
			Object value = this.jsonMapper.readValue(body, Object.class);
			if (value instanceof Map<?, ?> map) {
				@SuppressWarnings("unchecked")
				Map<String, Object> json = (Map<String, Object>) map;
				return json;
			}
			return null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	static boolean isTransient(HttpStatusCode status) {
		return status.is5xxServerError() || status.value() == 429 || status.value() == 408;
	}

	private static WaveTokenException invalid(HttpStatusCode status, String description) {
		return new WaveTokenException(new OAuth2Error(WaveTokenException.INVALID_TOKEN_RESPONSE, description, null),
				status.value(), false, null, null);
	}

	/**
	 * Describes a body by its type and size only: it may hold a token, so no part of it
	 * is repeated.
	 */
	private static String describe(@Nullable MediaType contentType, byte[] body) {
		if (body.length == 0) {
			return "an empty body";
		}
		String type = (contentType != null) ? contentType.getType() + "/" + contentType.getSubtype() : "unknown";
		String kind = looksLikeJson(body) ? "malformed or truncated JSON" : "a non-JSON body";
		return kind + " (" + type + ", " + body.length + " bytes)";
	}

	private static boolean looksLikeJson(byte[] body) {
		String start = new String(body, 0, Math.min(body.length, 16), StandardCharsets.UTF_8).stripLeading();
		return start.startsWith("{") || start.startsWith("[");
	}

	/** A JSON string's value; anything else (object, number, ...) is ignored. */
	private static @Nullable String string(@Nullable Object value) {
		return (value instanceof String text) ? text : null;
	}

	private static Set<String> scopes(@Nullable String scope) {

		if (scope == null || scope.isBlank()) {
			return Set.of();
		}
		return new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
	}

}
