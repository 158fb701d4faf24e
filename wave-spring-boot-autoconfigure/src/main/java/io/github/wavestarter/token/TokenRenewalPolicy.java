package io.github.wavestarter.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.util.Assert;

/**
 * Decides when a token is renewed: {@code clockSkew} before it expires, but never more
 * than a tenth of its lifetime before, so a token that lives two seconds is used for 1.8
 * seconds instead of being treated as always expired (as Spring Security's fixed 60 s
 * skew does).
 */
final class TokenRenewalPolicy {

	private static final int LIFETIME_FRACTION = 10;

	private final Duration clockSkew;

	private final Clock clock;

	/**
	 * Creates a policy.
	 * @param clockSkew how long before expiry a token is renewed, at most
	 * @param clock the clock
	 */
	TokenRenewalPolicy(Duration clockSkew, Clock clock) {
		Assert.isTrue(!clockSkew.isNegative(), "clockSkew must not be negative");
		this.clockSkew = clockSkew;
		this.clock = clock;
	}

	/**
	 * The instant from which the token is renewed.
	 * @param token the token
	 * @return when to renew it; {@link Instant#MAX} for a token without expiry
	 */
	Instant renewAt(OAuth2AccessToken token) {
		Instant expiresAt = token.getExpiresAt();
		if (expiresAt == null) {
			return Instant.MAX;
		}
		Duration skew = this.clockSkew;
		if (token.getIssuedAt() != null) {
			Duration lifetime = Duration.between(token.getIssuedAt(), expiresAt);
			Duration fraction = lifetime.dividedBy(LIFETIME_FRACTION);
			if (fraction.compareTo(skew) < 0) {
				skew = fraction.isNegative() ? Duration.ZERO : fraction;
			}
		}
		return expiresAt.minus(skew);
	}

	/**
	 * Whether the token is due for renewal now.
	 * @param token the token
	 * @return whether to renew it
	 */
	boolean isDue(OAuth2AccessToken token) {
		return !this.clock.instant().isBefore(renewAt(token));
	}

	/**
	 * The clock the policy reads.
	 * @return the clock
	 */
	Clock clock() {
		return this.clock;
	}

}
