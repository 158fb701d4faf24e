package io.github.wavestarter.token;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.util.Assert;

/**
 * An OAuth2 resource owner password grant request ({@code grant_type=password}), which
 * Spring Security 7 no longer ships but the Wave token endpoint accepts.
 */
final class PasswordGrantRequest extends AbstractOAuth2AuthorizationGrantRequest {

	/** The {@code password} grant type. */
	static final AuthorizationGrantType PASSWORD = new AuthorizationGrantType("password");

	private final String username;

	private final String password;

	/**
	 * Creates a password grant request.
	 * @param clientRegistration the client registration
	 * @param username the resource owner's user name
	 * @param password the resource owner's password
	 */
	PasswordGrantRequest(ClientRegistration clientRegistration, String username, String password) {
		super(PASSWORD, clientRegistration);
		Assert.hasText(username, "username cannot be empty");
		Assert.hasText(password, "password cannot be empty");
		this.username = username;
		this.password = password;
	}

	public String getUsername() {
		return this.username;
	}

	public String getPassword() {
		return this.password;
	}

	@Override
	public String toString() {
		return "PasswordGrantRequest[registrationId=" + getClientRegistration().getRegistrationId() + ", username="
				+ this.username + ", password=******]";
	}

}
