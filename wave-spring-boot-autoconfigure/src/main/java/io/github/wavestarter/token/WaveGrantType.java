package io.github.wavestarter.token;

import io.github.wavestarter.token.grant.PasswordGrantRequest;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

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
	 * Creates the grant request for one token request.
	 * @param registration the Wave client registration
	 * @param username the user name (password grant only)
	 * @param password the user password (password grant only)
	 * @return the grant request
	 */
	public AbstractOAuth2AuthorizationGrantRequest createRequest(ClientRegistration registration, String username,
			String password) {
		return switch (this) {
			case CLIENT_CREDENTIALS -> new OAuth2ClientCredentialsGrantRequest(registration);
			case PASSWORD -> new PasswordGrantRequest(registration, username, password);
		};
	}

}
