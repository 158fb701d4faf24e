package io.github.wavestarter.test.journal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One token set issued by the emulator, by the token endpoint or by
 * {@code MockWaveServer.tokens().issueAccessToken()}. Lets a test know every token value
 * that exists, e.g. to assert that none of them reaches a log.
 *
 * @param issuedAt issue time (emulator clock)
 * @param grantType the grant it was issued for ({@code client_credentials},
 * {@code password} or {@code refresh_token})
 * @param subject the user name (password grant) or client id
 * @param accessToken the access token
 * @param idToken the id token
 * @param refreshToken the refresh token
 * @param clientId the API client the tokens were issued to (they are bound to it), or
 * {@code null} if unknown
 */
public record IssuedTokenSet(Instant issuedAt, String grantType, String subject, String accessToken, String idToken,
		String refreshToken, @Nullable String clientId) {

	/** A token set of an unknown client. */
	public IssuedTokenSet(Instant issuedAt, String grantType, String subject, String accessToken, String idToken,
			String refreshToken) {
		this(issuedAt, grantType, subject, accessToken, idToken, refreshToken, null);
	}

	/**
	 * @return the three token values (access, id, refresh)
	 */
	public List<String> values() {
		return List.of(accessToken, idToken, refreshToken);
	}

	/** Never prints a token value. */
	@Override
	public String toString() {
		return "IssuedTokenSet[" + grantType + " for " + subject + (clientId == null ? "" : " of client " + clientId)
				+ " at " + issuedAt + ", accessToken=******, idToken=******, refreshToken=******]";
	}
}
