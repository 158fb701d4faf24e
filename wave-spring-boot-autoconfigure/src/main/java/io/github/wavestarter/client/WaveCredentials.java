package io.github.wavestarter.client;

import io.github.wavestarter.token.WaveGrantType;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The credentials of a Wave or Ripple API client registered at run time with
 * {@link WaveClients#register(String, WaveCredentials)}. Its {@code toString()} shows no
 * secret.
 *
 * @param clientId the API client id
 * @param clientSecret the API client secret
 * @param grantType the grant: {@code client_credentials}, or {@code password} with a user
 * @param username the Wave user of the password grant, or {@code null}
 * @param password the user's password, or {@code null}
 */
public record WaveCredentials(String clientId, String clientSecret, WaveGrantType grantType, @Nullable String username,
		@Nullable String password) {

	/**
	 * Checks the credentials.
	 */
	public WaveCredentials {
		Assert.isTrue(StringUtils.hasText(clientId), "clientId must not be empty");
		Assert.isTrue(StringUtils.hasText(clientSecret), "clientSecret must not be empty");
		Assert.notNull(grantType, "grantType must not be null");
		if (grantType == WaveGrantType.PASSWORD) {
			Assert.isTrue(StringUtils.hasText(username), "the password grant needs a username");
			Assert.isTrue(StringUtils.hasText(password), "the password grant needs a password");
		}
	}

	/**
	 * Credentials of the {@code client_credentials} grant.
	 * @param clientId the API client id
	 * @param clientSecret the API client secret
	 * @return the credentials
	 */
	public static WaveCredentials of(String clientId, String clientSecret) {
		return new WaveCredentials(clientId, clientSecret, WaveGrantType.CLIENT_CREDENTIALS, null, null);
	}

	/**
	 * Credentials of the {@code password} grant.
	 * @param clientId the API client id
	 * @param clientSecret the API client secret
	 * @param username the Wave user
	 * @param password the user's password
	 * @return the credentials
	 */
	public static WaveCredentials ofUser(String clientId, String clientSecret, String username, String password) {
		return new WaveCredentials(clientId, clientSecret, WaveGrantType.PASSWORD, username, password);
	}

	@Override
	public String toString() {
		return "WaveCredentials[clientId=" + masked(this.clientId) + ", clientSecret=******, grantType="
				+ this.grantType + ", username=" + this.username + ", password="
				+ ((this.password != null) ? "******" : "null") + "]";
	}

	private static String masked(String value) {
		return value.substring(0, Math.min(4, value.length() / 3)) + "******";
	}

}
