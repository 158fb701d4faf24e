package io.github.wavestarter.token;

import java.time.Duration;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A Wave access token could not be obtained.
 * <p>
 * Carries the OAuth2 error code (the token endpoint's own, such as
 * {@code invalid_client}, or one of the codes defined here), the HTTP status of the token
 * endpoint's answer when there was one, and whether trying again may help. Its message
 * never contains a client secret, password or token.
 */
public class WaveTokenException extends OAuth2AuthorizationException {

	/** The token endpoint's answer was not a usable token response. */
	public static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	/** The token endpoint could not be reached (connection refused, reset, DNS). */
	public static final String TOKEN_ENDPOINT_UNREACHABLE = "token_endpoint_unreachable";

	/** The token endpoint did not answer within {@code wave.token.timeout}. */
	public static final String TOKEN_ENDPOINT_TIMEOUT = "token_endpoint_timeout";

	/** The token endpoint answered with an HTTP error and no OAuth2 error body. */
	public static final String TOKEN_ENDPOINT_ERROR = "token_endpoint_error";

	private final int httpStatus;

	private final boolean transientFailure;

	private final Duration retryAfter;

	/**
	 * Creates an exception.
	 * @param error the OAuth2 error (code and description)
	 * @param httpStatus the token endpoint's HTTP status, or 0 without an answer
	 * @param transientFailure whether the same request may succeed later
	 * @param retryAfter the delay the endpoint asked for ({@code Retry-After}), or null
	 * @param cause the cause, or null
	 */
	public WaveTokenException(OAuth2Error error, int httpStatus, boolean transientFailure, Duration retryAfter,
			Throwable cause) {
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
	 * The error code to report for a failed acquisition: the OAuth2 error code of a
	 * {@code WaveTokenException}, else the failure's simple class name (never its
	 * message).
	 * @param failure the failure
	 * @return the code, for metrics, health and logs
	 */
	public static String errorCodeOf(Throwable failure) {
		return (failure instanceof WaveTokenException tokenFailure) ? tokenFailure.getErrorCode()
				: failure.getClass().getSimpleName();
	}

	/**
	 * The HTTP status of the token endpoint's answer.
	 * @return the status, or 0 when no answer was received
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * Whether the failure is transient (connection problem, timeout, 5xx, 429), so the
	 * same request may succeed later. OAuth2 refusals such as {@code invalid_client} are
	 * not.
	 * @return whether retrying may help
	 */
	public boolean isTransient() {
		return this.transientFailure;
	}

	/**
	 * The delay the token endpoint asked for with {@code Retry-After}.
	 * @return the delay, or {@code null}
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
