package io.github.wavestarter.token;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests of the password grant request: its {@code toString()} and the grant's need of a
 * user.
 */
class PasswordGrantRequestTests {

	private static final String CLIENT_SECRET = "client-secret-value-0123456789";

	private static final String PASSWORD = "user-password-value-9876543210";

	private final ClientRegistration registration = ClientRegistration.withRegistrationId("wave")
		.clientId("id")
		.clientSecret(CLIENT_SECRET)
		.authorizationGrantType(new AuthorizationGrantType("password"))
		.tokenUri("https://login.example/access_token")
		.build();

	@Test
	void passwordGrantRequestHidesThePassword() {
		String text = WaveGrantType.PASSWORD.createRequest(this.registration, "alice", PASSWORD).toString();
		assertThat(text).contains("alice").doesNotContain(PASSWORD).doesNotContain(CLIENT_SECRET);
	}

	@Test
	void passwordGrantNeedsAUser() {
		assertThatIllegalStateException()
			.isThrownBy(() -> WaveGrantType.PASSWORD.createRequest(this.registration, null, PASSWORD))
			.withMessageContaining("username and password")
			.withMessageNotContaining(PASSWORD);
	}

	@Test
	void grantTypeIsFoundFromTheRegistration() {
		assertThat(WaveGrantType.of(this.registration.getAuthorizationGrantType())).isSameAs(WaveGrantType.PASSWORD);
		assertThat(WaveGrantType.of(AuthorizationGrantType.CLIENT_CREDENTIALS))
			.isSameAs(WaveGrantType.CLIENT_CREDENTIALS);
	}

}
