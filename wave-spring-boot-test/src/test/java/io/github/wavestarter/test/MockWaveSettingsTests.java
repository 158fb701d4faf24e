package io.github.wavestarter.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import io.github.wavestarter.test.junit.MockWaveServerTest;
import io.github.wavestarter.test.spring.EnableMockWave;
import org.junit.jupiter.api.Test;

/**
 * Both annotations read into one settings type, mapped onto the builder in one place, and
 * the Spring properties of an emulator.
 */
class MockWaveSettingsTests {

	@MockWaveServerTest(clientId = "c", clientSecret = "s", username = "u@example.com", password = "p",
			tokenExpiresInSeconds = 7, lenientFormEncoding = true, refreshTokenGrant = false, ripple = true,
			resetAfterEach = false, rateLimit = 5)
	static class JUnitAnnotated {

	}

	@EnableMockWave(clientId = "c", clientSecret = "s", username = "u@example.com", password = "p",
			tokenExpiresInSeconds = 7, lenientFormEncoding = true, refreshTokenGrant = false, ripple = true,
			resetAfterEach = false, rateLimit = 5)
	static class SpringAnnotated {

	}

	@EnableMockWave
	static class SpringDefaults {

	}

	@Test
	void bothAnnotationsReadIntoEqualSettings() {
		MockWaveSettings junit = MockWaveSettings.of(JUnitAnnotated.class.getAnnotation(MockWaveServerTest.class));
		MockWaveSettings spring = MockWaveSettings.of(SpringAnnotated.class.getAnnotation(EnableMockWave.class));

		assertThat(junit).isEqualTo(spring);
		assertThat(junit.clientId()).isEqualTo("c");
		assertThat(junit.tokenExpiresInSeconds()).isEqualTo(7);
		assertThat(junit.ripple()).isTrue();
		assertThat(junit.resetAfterEach()).isFalse();
		assertThat(junit.rateLimit()).isEqualTo(5);
		assertThat(MockWaveSettings.defaults().rateLimit()).isZero();
		// attributes @MockWaveServerTest lacks take their defaults
		assertThat(junit.propertyPrefix()).isEqualTo("wave");
		assertThat(junit.userProperties()).isTrue();
		assertThat(MockWaveSettings.of(SpringDefaults.class.getAnnotation(EnableMockWave.class)))
			.isEqualTo(MockWaveSettings.defaults());
	}

	@Test
	void settingsConfigureTheServer() {
		MockWaveSettings settings = MockWaveSettings.of(SpringAnnotated.class.getAnnotation(EnableMockWave.class));
		try (MockWaveServer server = settings.start()) {
			assertThat(server.clientId()).isEqualTo("c");
			assertThat(server.clientSecret()).isEqualTo("s");
			assertThat(server.username()).isEqualTo("u@example.com");
			assertThat(server.password()).isEqualTo("p");
			assertThat(server.isRipple()).isTrue();
			assertThat(server.tokenUri()).endsWith("/ripple/access_token");
			assertThat(server.rateLimit()).isEqualTo(5);
		}
		try (MockWaveServer server = MockWaveSettings.defaults().start()) {
			assertThat(server.rateLimit()).isZero();
		}
	}

	@Test
	void aNegativeRateLimitIsRejected() {
		MockWaveSettings d = MockWaveSettings.defaults();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MockWaveSettings(d.clientId(), d.clientSecret(), d.username(), d.password(),
					d.tokenExpiresInSeconds(), d.lenientFormEncoding(), d.refreshTokenGrant(), d.ripple(),
					d.propertyPrefix(), d.userProperties(), d.resetAfterEach(), d.clients(), -1))
			.withMessageContaining("rateLimit");
	}

	@Test
	void springPropertiesPointAtTheServer() {
		try (MockWaveServer server = MockWaveServer.start()) {
			assertThat(server.springProperties()).containsExactly(entry("wave.token-uri", server.tokenUri()),
					entry("wave.base-url", server.baseUrl()), entry("wave.client-id", server.clientId()),
					entry("wave.client-secret", server.clientSecret()));
			assertThat(server.springProperties("custom", true)).containsEntry("custom.username", server.username())
				.containsEntry("custom.password", server.password())
				.containsEntry("custom.base-url", server.baseUrl())
				.hasSize(6);
			assertThat(server.springProperties("", false)).containsOnlyKeys("token-uri", "base-url", "client-id",
					"client-secret");
		}
	}

}
