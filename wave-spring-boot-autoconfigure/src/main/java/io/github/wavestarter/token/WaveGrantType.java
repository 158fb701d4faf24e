package io.github.wavestarter.token;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.util.Assert;

/**
 * The OAuth2 grants the Wave token endpoint accepts.
 */
public enum WaveGrantType {

	/** API client credentials only ({@code grant_type=client_credentials}). */
	CLIENT_CREDENTIALS(AuthorizationGrantType.CLIENT_CREDENTIALS),

	/**
	 * Client credentials plus a Wave user's name and password
	 * ({@code grant_type=password}). Spring Security 7 removed this grant; the starter
	 * brings its own support.
	 */
	PASSWORD(PasswordGrantRequest.PASSWORD);

	private final AuthorizationGrantType authorizationGrantType;

	WaveGrantType(AuthorizationGrantType authorizationGrantType) {
		this.authorizationGrantType = authorizationGrantType;
	}

	/**
	 * The grant type as Spring Security knows it.
	 * @return the authorization grant type
	 */
	public AuthorizationGrantType authorizationGrantType() {
		return this.authorizationGrantType;
	}

	/**
	 * The grant of a registration.
	 * @param grantType the registration's grant type
	 * @return the Wave grant
	 * @throws IllegalArgumentException for a grant the Wave token endpoint does not take
	 */
	public static WaveGrantType of(AuthorizationGrantType grantType) {
		for (WaveGrantType candidate : values()) {
			if (candidate.authorizationGrantType.equals(grantType)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("The Wave token endpoint takes the client_credentials and password "
				+ "grants, not " + grantType.getValue());
	}

	/**
	 * Creates the grant request for one token request.
	 * @param registration the Wave client registration
	 * @param username the user name (password grant only)
	 * @param password the user password (password grant only)
	 * @return the grant request
	 */
	AbstractOAuth2AuthorizationGrantRequest createRequest(ClientRegistration registration, @Nullable String username,
			@Nullable String password) {
		return switch (this) {
			case CLIENT_CREDENTIALS -> new OAuth2ClientCredentialsGrantRequest(registration);
			case PASSWORD -> {
				Assert.state(username != null && password != null, "The password grant needs a username and password");
				yield new PasswordGrantRequest(registration, username, password);
			}
		};
	}

}
