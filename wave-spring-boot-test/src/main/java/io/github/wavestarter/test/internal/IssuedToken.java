package io.github.wavestarter.test.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An issued access token.
 *
 * @param subject the user name (password grant) or client id (client credentials)
 * @param grantType the grant it was issued for
 * @param issuedAt issue time
 * @param expiresAt expiry, or {@code null} if it never expires
 * @param clientId the client that obtained it
 */
public record IssuedToken(String subject, String grantType, Instant issuedAt, @Nullable Instant expiresAt,
		String clientId) {

	/**
	 * @return whether the token has expired at {@code now}
	 */
	public boolean expiredAt(Instant now) {
		return expiresAt != null && !now.isBefore(expiresAt);
	}
}
