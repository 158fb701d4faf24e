package io.github.wavestarter.token;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the token manager knows of its token, for health checks. Holds no token.
 *
 * @param lastAcquiredAt when the last token was obtained, or null
 * @param expiresAt when the current token expires, or null without one
 * @param lastErrorCode error code of the last failed acquisition (as
 * {@link WaveTokenException#errorCodeOf(Throwable)} reports it), or null when the last
 * acquisition succeeded
 * @param lastErrorAt when the last acquisition failed, or null
 * @param renewalFailing whether the last failure was a renewal that failed while the
 * current token was still valid: the token stays in use until {@code expiresAt} and is
 * renewed again from {@code nextRenewalAttemptAt}
 * @param nextRenewalAttemptAt when a failing renewal is tried again at the earliest, or
 * null
 */
public record TokenState(@Nullable Instant lastAcquiredAt, @Nullable Instant expiresAt, @Nullable String lastErrorCode,
		@Nullable Instant lastErrorAt, boolean renewalFailing, @Nullable Instant nextRenewalAttemptAt) {

	/** The state before any acquisition. */
	public static final TokenState NEVER_ACQUIRED = new TokenState(null, null, null, null);

	/**
	 * A state without a failing renewal.
	 * @param lastAcquiredAt when the last token was obtained, or null
	 * @param expiresAt when the current token expires, or null without one
	 * @param lastErrorCode error code of the last failed acquisition, or null
	 * @param lastErrorAt when the last acquisition failed, or null
	 */
	public TokenState(@Nullable Instant lastAcquiredAt, @Nullable Instant expiresAt, @Nullable String lastErrorCode,
			@Nullable Instant lastErrorAt) {
		this(lastAcquiredAt, expiresAt, lastErrorCode, lastErrorAt, false, null);
	}

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

	TokenState renewalFailed(String errorCode, Instant at, @Nullable Instant nextAttemptAt) {

		return new TokenState(this.lastAcquiredAt, this.expiresAt, errorCode, at, true, nextAttemptAt);
	}

	TokenState rejected() {
		return new TokenState(this.lastAcquiredAt, this.expiresAt, this.lastErrorCode, this.lastErrorAt);
	}

}
