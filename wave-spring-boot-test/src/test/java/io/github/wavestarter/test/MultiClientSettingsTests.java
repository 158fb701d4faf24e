package io.github.wavestarter.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import io.github.wavestarter.test.junit.MockWaveServerTest;
import io.github.wavestarter.test.spring.EnableMockWave;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Extra clients declared on {@code @EnableMockWave} and {@code @MockWaveServerTest}, read
 * into {@link MockWaveSettings}, and the Spring properties of the named ones.
 */
class MultiClientSettingsTests {

	@EnableMockWave(clients = { @MockWaveClient(name = "acme", clientId = "acme-id", clientSecret = "acme-secret"),
			@MockWaveClient(name = "globex", clientId = "globex-id", clientSecret = "globex-secret",
					username = "ops@globex.example", password = "globex-password"),
			@MockWaveClient(clientId = "anonymous-id", clientSecret = "anonymous-secret") })
	static class SpringWithClients {

	}

	@MockWaveServerTest(clients = { @MockWaveClient(name = "acme", clientId = "acme-id", clientSecret = "acme-secret"),
			@MockWaveClient(name = "globex", clientId = "globex-id", clientSecret = "globex-secret",
					username = "ops@globex.example", password = "globex-password"),
			@MockWaveClient(clientId = "anonymous-id", clientSecret = "anonymous-secret") })
	static class JUnitWithClients {

	}

	@EnableMockWave(clients = @MockWaveClient(name = "acme", clientId = "acme-id", clientSecret = "other-secret"))
	static class SpringWithOtherSecret {

	}

	@EnableMockWave(clients = @MockWaveClient(name = "acme_corp", clientId = "acme-id", clientSecret = "acme-secret"))
	static class BadName {

	}

	@EnableMockWave(clients = { @MockWaveClient(clientId = "acme-id", clientSecret = "a"),
			@MockWaveClient(clientId = "acme-id", clientSecret = "b") })
	static class DuplicateIds {

	}

	@EnableMockWave(clients = @MockWaveClient(clientId = "acme-id", clientSecret = "a", username = "u@example.com"))
	static class UserWithoutPassword {

	}

	private static MockWaveSettings spring(Class<?> type) {
		return MockWaveSettings.of(type.getAnnotation(EnableMockWave.class));
	}

	@Test
	void bothAnnotationsReadTheClientsInDeclarationOrder() {
		MockWaveSettings spring = spring(SpringWithClients.class);
		MockWaveSettings junit = MockWaveSettings.of(JUnitWithClients.class.getAnnotation(MockWaveServerTest.class));

		assertThat(spring).isEqualTo(junit).hasSameHashCodeAs(junit);
		assertThat(spring.clients()).containsExactly(MockApiClient.named("acme", "acme-id", "acme-secret"),
				MockApiClient.named("globex", "globex-id", "globex-secret")
					.withUser("ops@globex.example", "globex-password"),
				MockApiClient.of("anonymous-id", "anonymous-secret"));
		assertThat(spring).isNotEqualTo(MockWaveSettings.defaults());
		// a different secret of one client makes different settings, so no shared context
		assertThat(spring(SpringWithOtherSecret.class)).isNotEqualTo(spring)
			.isNotEqualTo(MockWaveSettings.defaults())
			.isEqualTo(spring(SpringWithOtherSecret.class));
		assertThat(MockWaveSettings.defaults().clients()).isEmpty();
		assertThat(spring.toString()).contains("acme-id", "globex-id")
			.doesNotContain("acme-secret", "globex-secret", "globex-password", MockWaveServer.DEFAULT_CLIENT_SECRET,
					MockWaveServer.DEFAULT_PASSWORD);
	}

	@Test
	void invalidDeclarationsAreRejectedWithAClearMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> spring(BadName.class))
			.withMessageContaining("'acme_corp'")
			.withMessageContaining("letters, digits and '-' only");
		assertThatIllegalArgumentException().isThrownBy(() -> spring(DuplicateIds.class).builder())
			.withMessageContaining("Duplicate client id 'acme-id'");
		assertThatIllegalArgumentException().isThrownBy(() -> spring(UserWithoutPassword.class))
			.withMessageContaining("both a username and a password");
	}

	@Test
	void springPropertiesNameEachNamedClientUnderClients() {
		try (MockWaveServer server = spring(SpringWithClients.class).start()) {
			assertThat(server.clients()).hasSize(3);
			assertThat(server.springProperties()).containsExactly(entry("wave.token-uri", server.tokenUri()),
					entry("wave.base-url", server.baseUrl()), entry("wave.client-id", server.clientId()),
					entry("wave.client-secret", server.clientSecret()), entry("wave.clients.acme.client-id", "acme-id"),
					entry("wave.clients.acme.client-secret", "acme-secret"),
					entry("wave.clients.globex.client-id", "globex-id"),
					entry("wave.clients.globex.client-secret", "globex-secret"));
			assertThat(server.springProperties("custom", true)).hasSize(12)
				.containsEntry("custom.clients.acme.client-id", "acme-id")
				.containsEntry("custom.clients.globex.username", "ops@globex.example")
				.containsEntry("custom.clients.globex.password", "globex-password")
				.doesNotContainKey("custom.clients.acme.username")
				.doesNotContainValue("anonymous-id");
			assertThat(server.springProperties("", false).keySet()).containsExactly("token-uri", "base-url",
					"client-id", "client-secret", "clients.acme.client-id", "clients.acme.client-secret",
					"clients.globex.client-id", "clients.globex.client-secret");
			// MockWaveSettings applies its prefix and user switch to the clients too
			assertThat(spring(SpringWithClients.class).springProperties(server))
				.containsEntry("wave.clients.globex.username", "ops@globex.example");
		}
	}

	@Test
	void theCompatibilityConstructorHasNoClients() {
		MockWaveSettings d = MockWaveSettings.defaults();
		MockWaveSettings old = new MockWaveSettings(d.clientId(), d.clientSecret(), d.username(), d.password(),
				d.tokenExpiresInSeconds(), d.lenientFormEncoding(), d.refreshTokenGrant(), d.ripple(),
				d.propertyPrefix(), d.userProperties(), d.resetAfterEach());
		assertThat(old).isEqualTo(d);
		assertThat(old.clients()).isEqualTo(List.of());
	}

}
