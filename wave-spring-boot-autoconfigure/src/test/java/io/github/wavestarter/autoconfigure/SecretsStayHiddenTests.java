package io.github.wavestarter.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.github.wavestarter.token.WaveTokenException;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets never appear in {@code toString()} of the starter's own types.
 */
class SecretsStayHiddenTests {

	private static final String CLIENT_SECRET = "client-Secret-Value-987";

	private static final String PASSWORD = "user-Password-Value-654";

	private static final String PROXY_PASSWORD = "proxy-Password-Value-321";

	@Test
	void propertiesShowWhetherSecretsAreSetButNotTheirValuesOrLengths() {
		WaveProperties properties = new WaveProperties();
		properties.setClientId("client-id-abcdefghij");
		properties.setClientSecret(CLIENT_SECRET);
		properties.setUsername("alice");
		properties.setPassword(PASSWORD);
		properties.getHttp().getProxy().setPassword(PROXY_PASSWORD);
		String text = properties.toString();
		assertThat(text).doesNotContain(CLIENT_SECRET)
			.doesNotContain(PASSWORD)
			.doesNotContain(PROXY_PASSWORD)
			.doesNotContain("client-id-abcdefghij")
			.doesNotContain(String.valueOf(CLIENT_SECRET.length()))
			.contains("clientSecret=******")
			.contains("clientId=clie******")
			.contains("username=alice");
		assertThat(new WaveProperties().toString()).contains("clientSecret=<unset>");
	}

	@Test
	void exceptionsCarryCodesNotSecrets() {
		WaveTokenException tokenFailure = new WaveTokenException(
				new OAuth2Error("invalid_client", "Client authentication failed", null), 401, false,
				Duration.ofSeconds(3), null);
		assertThat(tokenFailure.getMessage())
			.isEqualTo("Wave token request failed: [invalid_client] Client authentication failed (HTTP 401)");
		InvalidWaveConfigurationException configFailure = new InvalidWaveConfigurationException(
				List.of(new InvalidWaveConfigurationException.Problem("wave.client-id", "is not set", "Set it")));
		assertThat(configFailure.getMessage()).isEqualTo("Invalid Wave configuration: wave.client-id is not set");
	}

	@Test
	void maskingRevealsAtMostAThirdOfAnIdentifier() {
		assertThat(Masking.partially("abc")).isEqualTo("a******");
		assertThat(Masking.partially("ab")).isEqualTo("******");
		assertThat(Masking.partially(null)).isEqualTo("<unset>");
		assertThat(Masking.presence("")).isEqualTo("<unset>");
	}

}
