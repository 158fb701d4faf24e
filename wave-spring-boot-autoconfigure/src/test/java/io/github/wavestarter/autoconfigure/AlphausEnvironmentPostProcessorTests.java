package io.github.wavestarter.autoconfigure;

import java.util.List;
import java.util.stream.Stream;

import io.github.wavestarter.token.WaveGrantType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precedence of the Alphaus SDK environment variables, row by row: which variables
 * (and {@code wave.*} properties) are set, and the client id, token URI, grant and user
 * the starter then binds. Each row goes through the post-processor on a mock environment
 * whose system environment holds only the row's variables.
 */
class AlphausEnvironmentPostProcessorTests {

	private static final String WAVE = "https://login.alphaus.cloud/access_token";

	private static final String RIPPLE = "https://login.alphaus.cloud/ripple/access_token";

	private static final String NEXT = "https://loginnext.alphaus.cloud/ripple/access_token";

	private static final String CC = "CLIENT_CREDENTIALS";

	private static final String PW = "PASSWORD";

	/**
	 * One row of the table.
	 *
	 * @param given what is set: variables, and properties written {@code wave.x=y}
	 * @param clientId the bound {@code wave.client-id} ({@code null}: none)
	 * @param tokenUri the bound {@code wave.token-uri}
	 * @param grant the bound {@code wave.grant-type}
	 * @param username the bound {@code wave.username} ({@code null}: none)
	 */
	record Row(List<String> given, String clientId, String tokenUri, String grant, String username) {

		@Override
		public String toString() {
			return this.given.isEmpty() ? "(nothing set)" : String.join(" ", this.given);
		}

	}

	static Stream<Row> precedence() {
		return Stream.of(
				// nothing set: nothing bound, the Wave endpoint
				row(given(), null, WAVE, CC, null),
				// one pair each
				row(given("ALPHAUS_CLIENT_ID=a-id", "ALPHAUS_CLIENT_SECRET=a-secret"), "a-id", WAVE, CC, null),
				row(given("ALPHAUS_RIPPLE_CLIENT_ID=r-id", "ALPHAUS_RIPPLE_CLIENT_SECRET=r-secret"), "r-id", RIPPLE, CC,
						null),
				row(given("ALPHAUS_WAVE_CLIENT_ID=w-id", "ALPHAUS_WAVE_CLIENT_SECRET=w-secret"), "w-id", WAVE, CC,
						null),
				// the order: generic, then Ripple, then Wave
				row(given("ALPHAUS_CLIENT_ID=a-id", "ALPHAUS_CLIENT_SECRET=a-secret", "ALPHAUS_RIPPLE_CLIENT_ID=r-id",
						"ALPHAUS_RIPPLE_CLIENT_SECRET=r-secret", "ALPHAUS_WAVE_CLIENT_ID=w-id",
						"ALPHAUS_WAVE_CLIENT_SECRET=w-secret"), "a-id", WAVE, CC, null),
				row(given("ALPHAUS_RIPPLE_CLIENT_ID=r-id", "ALPHAUS_RIPPLE_CLIENT_SECRET=r-secret",
						"ALPHAUS_WAVE_CLIENT_ID=w-id", "ALPHAUS_WAVE_CLIENT_SECRET=w-secret"), "r-id", RIPPLE, CC,
						null),
				// only a complete pair counts; an empty variable is unset
				row(given("ALPHAUS_CLIENT_ID=a-id", "ALPHAUS_RIPPLE_CLIENT_ID=r-id",
						"ALPHAUS_RIPPLE_CLIENT_SECRET=r-secret"), "r-id", RIPPLE, CC, null),
				row(given("ALPHAUS_CLIENT_ID=", "ALPHAUS_CLIENT_SECRET=a-secret", "ALPHAUS_WAVE_CLIENT_ID=w-id",
						"ALPHAUS_WAVE_CLIENT_SECRET=w-secret"), "w-id", WAVE, CC, null),
				row(given("ALPHAUS_CLIENT_ID=a-id", "ALPHAUS_WAVE_CLIENT_SECRET=w-secret"), null, WAVE, CC, null),
				// ALPHAUS_AUTH_URL wins over the family's endpoint
				row(given("ALPHAUS_RIPPLE_CLIENT_ID=r-id", "ALPHAUS_RIPPLE_CLIENT_SECRET=r-secret",
						"ALPHAUS_AUTH_URL=" + NEXT), "r-id", NEXT, CC, null),
				row(given("ALPHAUS_WAVE_CLIENT_ID=w-id", "ALPHAUS_WAVE_CLIENT_SECRET=w-secret",
						"ALPHAUS_AUTH_URL=" + RIPPLE), "w-id", RIPPLE, CC, null),
				row(given("ALPHAUS_CLIENT_ID=a-id", "ALPHAUS_CLIENT_SECRET=a-secret", "ALPHAUS_AUTH_URL=" + RIPPLE),
						"a-id", RIPPLE, CC, null),
				// user and password of the credentials' family: then the password grant
				row(given("ALPHAUS_CLIENT_ID=a-id", "ALPHAUS_CLIENT_SECRET=a-secret", "ALPHAUS_USERNAME=a-user",
						"ALPHAUS_PASSWORD=a-pw"), "a-id", WAVE, PW, "a-user"),
				row(given("ALPHAUS_RIPPLE_CLIENT_ID=r-id", "ALPHAUS_RIPPLE_CLIENT_SECRET=r-secret",
						"ALPHAUS_RIPPLE_USERNAME=r-user", "ALPHAUS_RIPPLE_PASSWORD=r-pw", "ALPHAUS_USERNAME=a-user",
						"ALPHAUS_PASSWORD=a-pw"), "r-id", RIPPLE, PW, "r-user"),
				row(given("ALPHAUS_RIPPLE_CLIENT_ID=r-id", "ALPHAUS_RIPPLE_CLIENT_SECRET=r-secret",
						"ALPHAUS_USERNAME=a-user", "ALPHAUS_PASSWORD=a-pw"), "r-id", RIPPLE, CC, null),
				row(given("ALPHAUS_WAVE_CLIENT_ID=w-id", "ALPHAUS_WAVE_CLIENT_SECRET=w-secret",
						"ALPHAUS_WAVE_USERNAME=w-user", "ALPHAUS_WAVE_PASSWORD=w-pw"), "w-id", WAVE, PW, "w-user"),
				row(given("ALPHAUS_CLIENT_ID=a-id", "ALPHAUS_CLIENT_SECRET=a-secret", "ALPHAUS_USERNAME=a-user"),
						"a-id", WAVE, CC, "a-user"),
				row(given("ALPHAUS_USERNAME=a-user", "ALPHAUS_PASSWORD=a-pw"), null, WAVE, PW, "a-user"),
				// wave.* properties and WAVE_* variables win
				row(given("ALPHAUS_RIPPLE_CLIENT_ID=r-id", "ALPHAUS_RIPPLE_CLIENT_SECRET=r-secret",
						"ALPHAUS_RIPPLE_USERNAME=r-user", "ALPHAUS_RIPPLE_PASSWORD=r-pw",
						"wave.grant-type=client_credentials"), "r-id", RIPPLE, CC, "r-user"),
				row(given("ALPHAUS_RIPPLE_CLIENT_ID=r-id", "ALPHAUS_RIPPLE_CLIENT_SECRET=r-secret",
						"ALPHAUS_RIPPLE_USERNAME=r-user", "ALPHAUS_RIPPLE_PASSWORD=r-pw", "wave.client-id=p-id",
						"wave.client-secret=p-secret"), "p-id", WAVE, CC, null),
				row(given("ALPHAUS_RIPPLE_CLIENT_ID=r-id", "ALPHAUS_RIPPLE_CLIENT_SECRET=r-secret",
						"wave.token-uri=" + NEXT), "r-id", NEXT, CC, null),
				// placeholders of the variables in wave.* properties, as in an
				// application.yaml
				row(given("ALPHAUS_CLIENT_ID=a-id", "ALPHAUS_CLIENT_SECRET=a-secret",
						"wave.client-id=${ALPHAUS_CLIENT_ID}", "wave.client-secret=${ALPHAUS_CLIENT_SECRET}"), "a-id",
						WAVE, CC, null),
				row(given("ALPHAUS_RIPPLE_CLIENT_ID=r-id", "ALPHAUS_RIPPLE_CLIENT_SECRET=r-secret",
						"WAVE_CLIENT_ID=env-id"), "env-id", RIPPLE, CC, null),
				row(given("ALPHAUS_RIPPLE_CLIENT_ID=r-id", "ALPHAUS_RIPPLE_CLIENT_SECRET=r-secret",
						"WAVE_TOKEN_URI=" + NEXT, "WAVE_GRANT_TYPE=password", "ALPHAUS_RIPPLE_USERNAME=r-user"), "r-id",
						NEXT, PW, "r-user"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("precedence")
	void variablesAndPropertiesGiveTheClientIdTokenUriAndGrant(Row row) {
		WaveProperties properties = bind(row.given());

		assertThat(properties.getClientId()).as("client id").isEqualTo(row.clientId());
		assertThat(properties.getTokenUri()).as("token URI").hasToString(row.tokenUri());
		assertThat(properties.getGrantType()).as("grant").isEqualTo(WaveGrantType.valueOf(row.grant()));
		assertThat(properties.getUsername()).as("username").isEqualTo(row.username());
	}

	@Test
	void theSecretAndPasswordComeFromTheSamePairAndFamilyAsTheClientIdAndUser() {
		WaveProperties properties = bind(given("ALPHAUS_CLIENT_SECRET=a-secret", "ALPHAUS_RIPPLE_CLIENT_ID=r-id",
				"ALPHAUS_RIPPLE_CLIENT_SECRET=r-secret", "ALPHAUS_PASSWORD=a-pw", "ALPHAUS_RIPPLE_USERNAME=r-user",
				"ALPHAUS_RIPPLE_PASSWORD=r-pw"));

		assertThat(properties.getClientSecret()).isEqualTo("r-secret");
		assertThat(properties.getPassword()).isEqualTo("r-pw");
	}

	@Test
	void theVariablesBehindEachDefaultAreKnownWithIncompletePairs() {
		MockEnvironment environment = postProcessed(given("ALPHAUS_CLIENT_ID=a-id", "ALPHAUS_WAVE_CLIENT_SECRET=w"));
		AlphausVariables incomplete = AlphausVariables.of(environment);

		assertThat(incomplete.family()).isNull();
		assertThat(incomplete.values()).isEmpty();
		assertThat(incomplete.incompletePairs()).containsExactly(
				"ALPHAUS_CLIENT_ID is set without ALPHAUS_CLIENT_SECRET",
				"ALPHAUS_WAVE_CLIENT_SECRET is set without ALPHAUS_WAVE_CLIENT_ID");

		MockEnvironment ripple = postProcessed(
				given("ALPHAUS_RIPPLE_CLIENT_ID=r-id", "ALPHAUS_RIPPLE_CLIENT_SECRET=r-secret",
						"ALPHAUS_RIPPLE_USERNAME=r-user", "ALPHAUS_RIPPLE_PASSWORD=r-pw", "wave.client-id=p-id"));
		AlphausVariables variables = AlphausVariables.of(ripple);
		assertThat(variables.family()).isEqualTo(AlphausVariables.Family.RIPPLE);
		assertThat(variables.origins()).containsEntry("wave.client-id", "ALPHAUS_RIPPLE_CLIENT_ID")
			.containsEntry("wave.password", "ALPHAUS_RIPPLE_PASSWORD");
		assertThat(AlphausVariables.effectiveOrigins(ripple)).doesNotContainKey("wave.client-id")
			.containsEntry("wave.client-secret", "ALPHAUS_RIPPLE_CLIENT_SECRET")
			.containsEntry("wave.token-uri", "Ripple credentials ALPHAUS_RIPPLE_CLIENT_ID/ALPHAUS_RIPPLE_CLIENT_SECRET")
			.containsEntry("wave.grant-type", "ALPHAUS_RIPPLE_USERNAME and ALPHAUS_RIPPLE_PASSWORD are set and "
					+ "wave.grant-type is not, as the Alphaus SDKs choose it");
	}

	@Test
	void nothingIsAddedWithoutVariables() {
		MockEnvironment environment = postProcessed(given("OTHER=1"));

		assertThat(environment.getPropertySources().contains(AlphausEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
		assertThat(AlphausVariables.of(environment).values()).isEmpty();
		assertThat(AlphausVariables.effectiveOrigins(environment)).isEmpty();
	}

	private static Row row(List<String> given, String clientId, String tokenUri, String grant, String username) {
		return new Row(given, clientId, tokenUri, grant, username);
	}

	private static List<String> given(String... given) {
		return List.of(given);
	}

	private static WaveProperties bind(List<String> given) {
		return Binder.get(postProcessed(given)).bindOrCreate("wave", WaveProperties.class);
	}

	/**
	 * A mock environment with the row's {@code wave.*} properties and, as its only system
	 * environment, the row's variables, after the post-processor ran.
	 */
	private static MockEnvironment postProcessed(List<String> given) {
		MockEnvironment environment = new MockEnvironment();
		given.stream()
			.filter((entry) -> entry.startsWith("wave."))
			.forEach((entry) -> environment.setProperty(entry.substring(0, entry.indexOf('=')),
					entry.substring(entry.indexOf('=') + 1)));
		AlphausEnvironments.withVariables(environment,
				given.stream().filter((entry) -> !entry.startsWith("wave.")).toArray(String[]::new));
		new AlphausEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
