package io.github.wavestarter.token;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * A Wave access token could not be obtained.
 * <p>
 * Carries the OAuth2 error code (the token endpoint's own, such as
 * {@code invalid_client}, or one of the codes defined here), the HTTP status of the token
 * endpoint's answer when there was one, and whether trying again may help. Its message
 * never contains a client secret, password or token: text the token endpoint sent
 * ({@code error}, {@code error_description}) arrives with control characters replaced,
 * truncated, and any occurrence of the configured secret or password masked.
 */
public class WaveTokenException extends OAuth2AuthorizationException {

	/** The token endpoint's answer was not a usable token response. */
	public static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	/** The token endpoint could not be reached (connection refused, reset, DNS). */
	public static final String TOKEN_ENDPOINT_UNREACHABLE = "token_endpoint_unreachable";

	/**
	 * The token endpoint did not answer in time: the whole request took longer than
	 * {@code wave.token.timeout}, or the connection read nothing for
	 * {@code wave.http.response-timeout}.
	 */
	public static final String TOKEN_ENDPOINT_TIMEOUT = "token_endpoint_timeout";

	/** The token endpoint answered with an HTTP error and no OAuth2 error body. */
	public static final String TOKEN_ENDPOINT_ERROR = "token_endpoint_error";

	/**
	 * The token endpoint answered with a redirect (3xx). Token requests never follow
	 * redirects: the credentials are sent to {@code wave.token-uri} and nowhere else.
	 */
	public static final String TOKEN_ENDPOINT_REDIRECT = "token_endpoint_redirect";

	/**
	 * What {@link #errorCodeOf(Throwable)} reports for an error code that is neither an
	 * OAuth2 code nor one of the starter's.
	 */
	public static final String OTHER_ERROR_CODE = "other";

	private static final Set<String> KNOWN_ERROR_CODES = Set.of(OAuth2ErrorCodes.INVALID_REQUEST,
			OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, OAuth2ErrorCodes.ACCESS_DENIED,
			OAuth2ErrorCodes.UNSUPPORTED_RESPONSE_TYPE, OAuth2ErrorCodes.INVALID_SCOPE,
			OAuth2ErrorCodes.INSUFFICIENT_SCOPE, OAuth2ErrorCodes.INVALID_TOKEN, OAuth2ErrorCodes.SERVER_ERROR,
			OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE, OAuth2ErrorCodes.INVALID_CLIENT, OAuth2ErrorCodes.INVALID_GRANT,
			OAuth2ErrorCodes.UNSUPPORTED_GRANT_TYPE, OAuth2ErrorCodes.UNSUPPORTED_TOKEN_TYPE,
			OAuth2ErrorCodes.INVALID_REDIRECT_URI, "slow_down", "authorization_pending", "expired_token",
			INVALID_TOKEN_RESPONSE, TOKEN_ENDPOINT_UNREACHABLE, TOKEN_ENDPOINT_TIMEOUT, TOKEN_ENDPOINT_ERROR,
			TOKEN_ENDPOINT_REDIRECT);

	private final int httpStatus;

	private final boolean transientFailure;

	private final @Nullable Duration retryAfter;

	/**
	 * Creates an exception.
	 * @param error the OAuth2 error (code and description)
	 * @param httpStatus the token endpoint's HTTP status, or 0 without an answer
	 * @param transientFailure whether the same request may succeed later
	 * @param retryAfter the delay the endpoint asked for ({@code Retry-After}), or null
	 * @param cause the cause, or null
	 */
	public WaveTokenException(OAuth2Error error, int httpStatus, boolean transientFailure,
			@Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(error, describe(error, httpStatus), cause);
		this.httpStatus = httpStatus;
		this.transientFailure = transientFailure;
		this.retryAfter = retryAfter;
	}

	private static String describe(OAuth2Error error, int httpStatus) {
		StringBuilder message = new StringBuilder("Wave token request failed: [").append(error.getErrorCode())
			.append(']');
		if (error.getDescription() != null) {
			message.append(' ').append(error.getDescription());
		}
		if (httpStatus > 0) {
			message.append(" (HTTP ").append(httpStatus).append(')');
		}
		return message.toString();
	}

	/**
	 * The OAuth2 error code, such as {@code invalid_client} or
	 * {@link #TOKEN_ENDPOINT_TIMEOUT}.
	 * @return the error code
	 */
	public String getErrorCode() {
		return getError().getErrorCode();
	}

	/**
	 * The error code to report for a failed acquisition, from a bounded set: the error
	 * code of a {@code WaveTokenException} when it is an OAuth2 code (RFC 6749, 6750,
	 * 7009, 8628) or one of the starter's, else {@value #OTHER_ERROR_CODE} (a code made
	 * up by the token endpoint, or a failure of another type). Never the failure's
	 * message.
	 * @param failure the failure
	 * @return the code, for metric tags, health and logs
	 */
	public static String errorCodeOf(Throwable failure) {
		if (failure instanceof WaveTokenException tokenFailure
				&& KNOWN_ERROR_CODES.contains(tokenFailure.getErrorCode())) {
			return tokenFailure.getErrorCode();
		}
		return OTHER_ERROR_CODE;
	}

	/**
	 * The HTTP status of the token endpoint's answer.
	 * @return the status, or 0 when no answer was received
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * Whether the failure is transient (connection problem, timeout, 408, 429, 5xx), so
	 * the same request may succeed later. OAuth2 refusals such as {@code invalid_client}
	 * are not.
	 * @return whether retrying may help
	 */
	public boolean isTransient() {
		return this.transientFailure;
	}

	/**
	 * The delay the token endpoint asked for with {@code Retry-After}.
	 * @return the delay, or {@code null}
	 */
	public @Nullable Duration getRetryAfter() {

		return this.retryAfter;
	}

}
