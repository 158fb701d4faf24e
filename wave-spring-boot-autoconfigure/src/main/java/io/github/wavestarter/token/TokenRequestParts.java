package io.github.wavestarter.token;

import org.springframework.http.HttpEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;

/**
 * The {@code multipart/form-data} parts of a Wave token request: one part per field, as
 * the Wave token endpoint requires (it refuses
 * {@code application/x-www-form-urlencoded}).
 */
final class TokenRequestParts {

	private TokenRequestParts() {
	}

	static MultiValueMap<String, HttpEntity<?>> of(AbstractOAuth2AuthorizationGrantRequest grantRequest) {
		ClientRegistration registration = grantRequest.getClientRegistration();
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part(OAuth2ParameterNames.GRANT_TYPE, grantRequest.getGrantType().getValue());
		parts.part(OAuth2ParameterNames.CLIENT_ID, registration.getClientId());
		parts.part(OAuth2ParameterNames.CLIENT_SECRET, registration.getClientSecret());
		if (!registration.getScopes().isEmpty()) {
			parts.part(OAuth2ParameterNames.SCOPE,
					StringUtils.collectionToDelimitedString(registration.getScopes(), " "));
		}
		if (grantRequest instanceof PasswordGrantRequest password) {
			parts.part("username", password.getUsername());
			parts.part("password", password.getPassword());
		}
		else if (grantRequest instanceof OAuth2RefreshTokenGrantRequest refresh) {
			parts.part(OAuth2ParameterNames.REFRESH_TOKEN, refresh.getRefreshToken().getTokenValue());
		}
		return parts.build();
	}

	/**
	 * The credentials a request carries, to be masked in any text the token endpoint
	 * sends back.
	 * @param grantRequest the request
	 * @return the client secret, password and refresh token (those that apply)
	 */
	static String[] credentials(AbstractOAuth2AuthorizationGrantRequest grantRequest) {
		String secret = grantRequest.getClientRegistration().getClientSecret();
		if (grantRequest instanceof PasswordGrantRequest password) {
			return new String[] { secret, password.getPassword() };
		}
		if (grantRequest instanceof OAuth2RefreshTokenGrantRequest refresh) {
			return new String[] { secret, refresh.getRefreshToken().getTokenValue() };
		}
		return new String[] { secret };
	}

}
