package io.github.wavestarter.token;

import java.time.Instant;

/**
 * What the token manager knows of its token, for health checks. Holds no token.
 *
 * @param lastAcquiredAt when the last token was obtained, or null
 * @param expiresAt when the current token expires, or null without one
 * @param lastErrorCode OAuth2 error code of the last failed acquisition, or null when the
 * last acquisition succeeded
 * @param lastErrorAt when the last acquisition failed, or null
 */
public record TokenState(Instant lastAcquiredAt, Instant expiresAt, String lastErrorCode, Instant lastErrorAt) {

	/** The state before any acquisition. */
	public static final TokenState NEVER_ACQUIRED = new TokenState(null, null, null, null);

	/**
	 * Whether a token was ever obtained.
	 * @return whether a token was obtained
	 */
	public boolean hasAcquired() {
		return this.lastAcquiredAt != null;
	}

	/**
	 * Whether the last acquisition failed.
	 * @return whether the last acquisition failed
	 */
	public boolean lastAcquisitionFailed() {
		return this.lastErrorCode != null;
	}

	TokenState acquired(Instant at, Instant expiry) {
		return new TokenState(at, expiry, null, this.lastErrorAt);
	}

	TokenState failed(String errorCode, Instant at) {
		return new TokenState(this.lastAcquiredAt, this.expiresAt, errorCode, at);
	}

}
