package io.github.wavestarter.test.internal;

import org.jspecify.annotations.Nullable;

/**
 * An API client known to the token endpoint, the internal twin of {@code MockApiClient}.
 * Internal API.
 *
 * @param clientId client id
 * @param clientSecret client secret
 * @param username user of its password grant, or {@code null}
 * @param password password of that user, or {@code null}
 */
public record Client(String clientId, String clientSecret, @Nullable String username, @Nullable String password) {

	/** Never shows the secret or the password. */
	@Override
	public String toString() {
		return "Client[" + clientId + "]";
	}

}
