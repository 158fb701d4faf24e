package io.github.wavestarter.autoconfigure;

import java.time.Duration;

import io.github.wavestarter.blue.api.ApiUser;
import io.github.wavestarter.blue.api.CostApi;
import io.github.wavestarter.blue.api.IamApi;
import io.github.wavestarter.blue.api.ReadCostsRequest;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.journal.RecordedApiRequest;
import io.github.wavestarter.test.journal.RecordedTokenRequest;
import io.github.wavestarter.testsupport.PlainWaveApplication;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Alphaus SDK variables in a real Spring Boot application (its environment
 * post-processors, its logging), with nothing else configured but the base URL: Ripple
 * credentials with a Ripple user run the whole flow on the Ripple token endpoint with the
 * password grant, and say so at startup without the password.
 */
@ExtendWith(OutputCaptureExtension.class)
class AlphausVariablesEndToEndTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void rippleVariablesRunTheWholeFlowOnTheRippleEndpointWithThePasswordGrant(CapturedOutput output) {
		try (MockWaveServer server = MockWaveServer.builder()
			.ripple(true)
			.clientId("ripple-client-42")
			.clientSecret("Ripple-Secret-9")
			.user("analyst@example.com", "Ripple-Pass-7")
			.start();
				ConfigurableApplicationContext context = start(server.baseUrl(),
						"ALPHAUS_RIPPLE_CLIENT_ID=ripple-client-42", "ALPHAUS_RIPPLE_CLIENT_SECRET=Ripple-Secret-9",
						"ALPHAUS_RIPPLE_USERNAME=analyst@example.com", "ALPHAUS_RIPPLE_PASSWORD=Ripple-Pass-7",
						"ALPHAUS_AUTH_URL=" + server.tokenUri(), "ALPHAUS_WAVE_CLIENT_ID=wave-client",
						"ALPHAUS_WAVE_CLIENT_SECRET=Wave-Secret-1")) {

			ApiUser user = context.getBean(IamApi.class).whoAmI().block(TIMEOUT);
			Long rows = context.getBean(CostApi.class)
				.readCosts("aws", ReadCostsRequest.of("*", "20261101", "20261103").withGroupId("bg-internal-1"))
				.count()
				.block(TIMEOUT);

			assertThat(user.id()).isEqualTo("analyst@example.com");
			assertThat(user.metadata()).containsEntry("grantType", "password");
			assertThat(rows).isEqualTo(3 * 3 * 7);
			RecordedTokenRequest token = server.journal().lastTokenRequest();
			assertThat(server.journal().tokenRequestCount()).isOne();
			assertThat(token.path()).isEqualTo("/ripple/access_token");
			assertThat(token.grantType()).isEqualTo("password");
			assertThat(token.part("client_id")).isEqualTo("ripple-client-42");
			assertThat(token.part("username")).isEqualTo("analyst@example.com");
			assertThat(server.journal().apiRequests()).extracting(RecordedApiRequest::path)
				.containsExactly("/iam/v1/whoami", "/cost/v1/aws/costs:read");
			assertThat(server.journal().lastApiRequest().body()).contains("\"groupId\":\"bg-internal-1\"");
			assertThat(output)
				.contains("Wave starter: registration 'wave', grant password "
						+ "(ALPHAUS_RIPPLE_USERNAME and ALPHAUS_RIPPLE_PASSWORD are set and wave.grant-type is not, "
						+ "as the Alphaus SDKs choose it), client id ")
				.contains(" (ALPHAUS_RIPPLE_CLIENT_ID), token URI " + server.tokenUri() + " (ALPHAUS_AUTH_URL)")
				.doesNotContain("Ripple-Pass-7")
				.doesNotContain("Ripple-Secret-9");
		}
	}

	@Test
	void rippleCredentialsWithoutAuthUrlMeanTheRippleEndpoint(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("https://api.alphaus.cloud/m/blue",
				"ALPHAUS_CLIENT_ID=half-a-pair", "ALPHAUS_RIPPLE_CLIENT_ID=ripple-client-42",
				"ALPHAUS_RIPPLE_CLIENT_SECRET=Ripple-Secret-9", "ALPHAUS_USERNAME=someone-else",
				"ALPHAUS_PASSWORD=Generic-Pass-3")) {
			ClientRegistration registration = context.getBean(WaveAutoConfiguration.WAVE_CLIENT_REGISTRATION_BEAN_NAME,
					ClientRegistration.class);

			assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(AlphausVariables.RIPPLE_TOKEN_URI);
			assertThat(registration.getClientId()).isEqualTo("ripple-client-42");
			assertThat(registration.getAuthorizationGrantType().getValue()).isEqualTo("client_credentials");
			assertThat(output).contains("grant client_credentials, client id ")
				.contains("token URI https://login.alphaus.cloud/ripple/access_token (Ripple credentials "
						+ "ALPHAUS_RIPPLE_CLIENT_ID/ALPHAUS_RIPPLE_CLIENT_SECRET)")
				.doesNotContain("Generic-Pass-3")
				.doesNotContain("Ripple-Secret-9");
		}
	}

	/**
	 * Starts the application with only these variables as its operating-system
	 * environment.
	 */
	private static ConfigurableApplicationContext start(String baseUrl, String... variables) {
		return new SpringApplicationBuilder(PlainWaveApplication.class).web(WebApplicationType.NONE)
			.environment(AlphausEnvironments.withVariables(new StandardEnvironment(), variables))
			.run("--wave.base-url=" + baseUrl, "--" + WaveContexts.FAST_SHUTDOWN);
	}

}
