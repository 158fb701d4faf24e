package io.github.wavestarter.test.journal;

import java.time.Instant;
import java.util.List;

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
 */
public record IssuedTokenSet(Instant issuedAt, String grantType, String subject, String accessToken, String idToken,
		String refreshToken) {

	/**
	 * @return the three token values (access, id, refresh)
	 */
	public List<String> values() {
		return List.of(accessToken, idToken, refreshToken);
	}

	/** Never prints a token value. */
	@Override
	public String toString() {
		return "IssuedTokenSet[" + grantType + " for " + subject + " at " + issuedAt
				+ ", accessToken=******, idToken=******, refreshToken=******]";
	}
}
