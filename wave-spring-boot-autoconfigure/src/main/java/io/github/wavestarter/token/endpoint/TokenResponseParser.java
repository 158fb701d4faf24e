package io.github.wavestarter.token.endpoint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.wavestarter.token.WaveTokenException;
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
 * Strict where it matters: no {@code access_token}, a non-Bearer token type, HTML or
 * truncated JSON all fail.
 */
final class TokenResponseParser {

	private static final Set<String> STANDARD_PARAMETERS = Set.of(OAuth2ParameterNames.ACCESS_TOKEN,
			OAuth2ParameterNames.TOKEN_TYPE, OAuth2ParameterNames.EXPIRES_IN, OAuth2ParameterNames.REFRESH_TOKEN,
			OAuth2ParameterNames.SCOPE);

	private final JsonMapper jsonMapper;

	private final Duration defaultExpiresIn;

	TokenResponseParser(JsonMapper jsonMapper, Duration defaultExpiresIn) {
		this.jsonMapper = jsonMapper;
		this.defaultExpiresIn = defaultExpiresIn;
	}

	OAuth2AccessTokenResponse parse(HttpStatusCode status, MediaType contentType, byte[] body, Duration retryAfter) {
		Map<String, Object> json = readJsonObject(body);
		boolean transientStatus = isTransient(status);
		if (json != null && json.get(OAuth2ParameterNames.ERROR) instanceof String errorCode) {
			OAuth2Error error = new OAuth2Error(errorCode, text(json.get(OAuth2ParameterNames.ERROR_DESCRIPTION)),
					text(json.get(OAuth2ParameterNames.ERROR_URI)));
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
		return toTokenResponse(status, json);
	}

	private OAuth2AccessTokenResponse toTokenResponse(HttpStatusCode status, Map<String, Object> json) {
		String accessToken = text(json.get(OAuth2ParameterNames.ACCESS_TOKEN));
		if (accessToken == null || accessToken.isBlank()) {
			throw invalid(status, "The token response has no 'access_token'");
		}
		String tokenType = text(json.get(OAuth2ParameterNames.TOKEN_TYPE));
		if (tokenType != null && !OAuth2AccessToken.TokenType.BEARER.getValue().equalsIgnoreCase(tokenType)) {
			throw invalid(status,
					"The token response has 'token_type' " + quoteShort(tokenType) + "; only 'Bearer' is supported");
		}
		Map<String, Object> additional = new LinkedHashMap<>(json);
		additional.keySet().removeAll(STANDARD_PARAMETERS);
		return OAuth2AccessTokenResponse.withToken(accessToken)
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(expiresIn(status, json.get(OAuth2ParameterNames.EXPIRES_IN)))
			.refreshToken(text(json.get(OAuth2ParameterNames.REFRESH_TOKEN)))
			.scopes(scopes(text(json.get(OAuth2ParameterNames.SCOPE))))
			.additionalParameters(additional)
			.build();
	}

	private long expiresIn(HttpStatusCode status, Object value) {
		long seconds;
		if (value == null) {
			seconds = 0;
		}
		else if (value instanceof Number number) {
			seconds = number.longValue();
		}
		else {
			try {
				seconds = Long.parseLong(value.toString().trim());
			}
			catch (NumberFormatException ex) {
				throw invalid(status,
						"The token response has a non-numeric 'expires_in' " + quoteShort(value.toString()));
			}
		}
		return (seconds > 0) ? seconds : Math.max(1, this.defaultExpiresIn.toSeconds());
	}

	private Map<String, Object> readJsonObject(byte[] body) {
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
	private static String describe(MediaType contentType, byte[] body) {
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

	private static String quoteShort(String value) {
		String shortened = (value.length() > 20) ? value.substring(0, 20) + "..." : value;
		return "'" + shortened.replaceAll("\\p{Cntrl}", "?") + "'";
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static Set<String> scopes(String scope) {
		if (scope == null || scope.isBlank()) {
			return Set.of();
		}
		return new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
	}

}
