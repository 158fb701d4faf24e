package io.github.wavestarter.autoconfigure;

import io.github.wavestarter.autoconfigure.blue.WaveBlueApiAutoConfiguration;
import io.github.wavestarter.testsupport.PlainWaveApplication;
import io.github.wavestarter.testsupport.WaveContexts;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.github.wavestarter.token.WaveTokenManager;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class InvalidWaveConfigurationFailureAnalyzerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(WaveContexts.autoConfigurations())
		.withPropertyValues(WaveContexts.FAST_SHUTDOWN);

	@Test
	void missingCredentialsNameThePropertiesTheVariablesAndTheWayOut() {
		FailureAnalysis analysis = analyze(this.runner.withPropertyValues("wave.client-secret=only-Secret-123"));
		assertThat(analysis.getDescription()).contains("wave.client-id")
			.contains("ALPHAUS_CLIENT_ID")
			.contains("ALPHAUS_WAVE_CLIENT_ID")
			.doesNotContain("wave.client-secret")
			.doesNotContain("only-Secret-123");
		assertThat(analysis.getAction()).contains("wave.client-id")
			.contains("wave.client-secret")
			.contains("Wave PRO")
			.contains("wave.enabled=false");
	}

	@Test
	void passwordGrantWithoutUserNamesUsernameAndPassword() {
		FailureAnalysis analysis = analyze(this.runner.withPropertyValues("wave.client-id=id",
				"wave.client-secret=Secret-xyz", "wave.grant-type=password", "wave.password=Hidden-pw-1"));
		assertThat(analysis.getDescription()).contains("wave.username")
			.contains("ALPHAUS_USERNAME")
			.doesNotContain("wave.password:")
			.doesNotContain("Hidden-pw-1")
			.doesNotContain("Secret-xyz");
		assertThat(analysis.getAction()).contains("wave.grant-type=client_credentials");
	}

	@Test
	void plainHttpToARemoteHostIsRefusedUnlessAllowed() {
		FailureAnalysis analysis = analyze(this.runner.withPropertyValues("wave.client-id=id",
				"wave.client-secret=Secret-xyz", "wave.token-uri=http://example.com/access_token"));
		assertThat(analysis.getDescription()).contains("wave.token-uri").contains("http://example.com/access_token");
		assertThat(analysis.getAction()).contains("wave.allow-insecure-http=true");
		this.runner
			.withPropertyValues("wave.client-id=id", "wave.client-secret=Secret-xyz",
					"wave.token-uri=http://example.com/access_token", "wave.allow-insecure-http=true")
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner
			.withPropertyValues("wave.client-id=id", "wave.client-secret=Secret-xyz",
					"wave.token-uri=http://127.0.0.1:8080/access_token", "wave.base-url=http://localhost:9/m/blue")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void unknownGrantTypeIsReportedWithTheValidValues(CapturedOutput output) {
		// a binding failure (no such constant), which Boot's binding analyzer reports
		assertThatExceptionOfType(BeanCreationException.class)
			.isThrownBy(() -> startApplication("wave.client-id=id", "wave.client-secret=Secret-xyz",
					"wave.grant-type=implicit"))
			.withRootCauseInstanceOf(IllegalArgumentException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("wave.grant-type")
			.contains("implicit")
			.contains("CLIENT_CREDENTIALS")
			.contains("PASSWORD")
			.doesNotContain("Secret-xyz");
	}

	@Test
	void theAnalyzerIsRegisteredForRealApplications(CapturedOutput output) {
		assertThatException().isThrownBy(() -> startApplication("wave.client-secret=Secret-xyz"))
			.withRootCauseInstanceOf(InvalidWaveConfigurationException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("wave.client-id: is not set")
			.contains("wave.enabled=false")
			.doesNotContain("Secret-xyz");
	}

	private static void startApplication(String... properties) {
		new SpringApplicationBuilder(PlainWaveApplication.class).web(WebApplicationType.NONE)
			.environment(AlphausEnvironments.withVariables(new StandardEnvironment()))
			.properties(properties)
			.properties(WaveContexts.FAST_SHUTDOWN)
			.run()
			.close();
	}

	@Test
	void missingCredentialsListTheVariablesConsultedAndTheIncompletePairs() {
		FailureAnalysis analysis = analyze(this.runner.withInitializer(AlphausEnvironments
			.variables("ALPHAUS_RIPPLE_CLIENT_ID=ripple-Id-77", "ALPHAUS_WAVE_CLIENT_SECRET=wave-Secret-88")));

		assertThat(analysis.getDescription())
			.contains("wave.client-id: is not set (nor a complete pair of the "
					+ "Alphaus SDK environment variables ALPHAUS_CLIENT_ID/ALPHAUS_CLIENT_SECRET, then "
					+ "ALPHAUS_RIPPLE_CLIENT_ID/ALPHAUS_RIPPLE_CLIENT_SECRET, then "
					+ "ALPHAUS_WAVE_CLIENT_ID/ALPHAUS_WAVE_CLIENT_SECRET; ALPHAUS_RIPPLE_CLIENT_ID is set without "
					+ "ALPHAUS_RIPPLE_CLIENT_SECRET, ALPHAUS_WAVE_CLIENT_SECRET is set without ALPHAUS_WAVE_CLIENT_ID)")
			.contains("wave.client-secret: is not set")
			.doesNotContain("ripple-Id-77")
			.doesNotContain("wave-Secret-88");
	}

	@Test
	void aMissingUserNamesTheVariableOfTheCredentialsFamily() {
		FailureAnalysis analysis = analyze(this.runner.withPropertyValues("wave.grant-type=password")
			.withInitializer(AlphausEnvironments.variables("ALPHAUS_RIPPLE_CLIENT_ID=r-id",
					"ALPHAUS_RIPPLE_CLIENT_SECRET=Secret-r", "ALPHAUS_USERNAME=generic-user",
					"ALPHAUS_PASSWORD=Generic-pw-5")));

		assertThat(analysis.getDescription())
			.contains("wave.username: is not set (nor the environment variable ALPHAUS_RIPPLE_USERNAME, which goes "
					+ "with ALPHAUS_RIPPLE_CLIENT_ID/ALPHAUS_RIPPLE_CLIENT_SECRET)")
			.contains("wave.password: is not set (nor the environment variable ALPHAUS_RIPPLE_PASSWORD")
			.doesNotContain("wave.client-id")
			.doesNotContain("Generic-pw-5")
			.doesNotContain("Secret-r");
	}

	@Test
	void unusableTokenSettingsNameTheirProperties() {
		FailureAnalysis analysis = analyze(this.runner.withPropertyValues("wave.client-id=id",
				"wave.client-secret=Secret-xyz", "wave.token.timeout=0s", "wave.token.max-attempts=0",
				"wave.token.clock-skew=-1s", "wave.token.default-expires-in=0s", "wave.token.retry-backoff=-5ms",
				"wave.scope=", "wave.registration-id= "));
		assertThat(analysis.getDescription()).contains("wave.token.timeout: is 0s, but must be longer than zero")
			.contains("wave.token.max-attempts: is 0")
			.contains("wave.token.clock-skew: is -1s, but must not be negative")
			.contains("wave.token.default-expires-in")
			.contains("wave.token.retry-backoff")
			.contains("wave.scope: is empty")
			.contains("wave.registration-id: is empty")
			.doesNotContain("Secret-xyz");
		assertThat(analysis.getAction()).contains("wave.token.max-attempts to 1");
	}

	@Test
	void unusableApiSettingsNameTheirPropertiesForEveryClient() {
		FailureAnalysis analysis = analyze(this.runner.withPropertyValues("wave.client-id=id",
				"wave.client-secret=Secret-xyz", "wave.api.max-requests-per-second=-1", "wave.api.retry.max-attempts=0",
				"wave.api.retry.backoff=-1ms", "wave.api.retry.max-backoff=0s", "wave.clients.acme.client-id=acme",
				"wave.clients.acme.client-secret=Secret-acme", "wave.clients.acme.api.retry.max-attempts=-2"));
		assertThat(analysis.getDescription())
			.contains("wave.api.max-requests-per-second: is -1, but must be zero or more")
			.contains("wave.api.retry.max-attempts: is 0, but at least one attempt is needed")
			.contains("wave.api.retry.backoff: is -1ms, but must not be negative")
			.contains("wave.api.retry.max-backoff: is 0s, but must be longer than zero")
			.contains("wave.clients.acme.api.retry.max-attempts: is -2")
			.doesNotContain("Secret-");
		assertThat(analysis.getAction()).contains("each use 100/N").contains("wave.api.retry.max-attempts to 1");
		this.runner
			.withPropertyValues("wave.client-id=id", "wave.client-secret=Secret-xyz",
					"wave.api.max-requests-per-second=0", "wave.api.retry.max-attempts=1", "wave.api.retry.backoff=0ms",
					"wave.api.retry.max-backoff=1ms")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void httpTimeoutsAndSizesOfZeroOrLessAreNamedAsTheyWereWritten() {
		FailureAnalysis analysis = analyze(this.runner.withPropertyValues("wave.client-id=id",
				"wave.client-secret=Secret-xyz", "wave.http.connect-timeout=-1s", "wave.http.responseTimeout=-60s",
				"wave.http.max-in-memory-size=-1KB"));
		assertThat(analysis.getDescription())
			.contains("wave.http.connect-timeout: is -1s, but must be larger than zero")
			.contains("wave.http.response-timeout: is -60s, but must be larger than zero")
			.contains("wave.http.max-in-memory-size: is -1KB, but must be larger than zero")
			.doesNotContain("PT-")
			.doesNotContain("Secret-xyz");
		assertThat(analysis.getAction()).contains("Set wave.http.connect-timeout to a duration such as 5s")
			.contains("remove it for Spring's codec default (256KB)");
		analysis = analyze(this.runner.withPropertyValues("wave.client-id=id", "wave.client-secret=Secret-xyz",
				"wave.http.connect-timeout=0ms", "wave.http.max-in-memory-size=0B"));
		assertThat(analysis.getDescription()).contains("wave.http.connect-timeout: is 0ms")
			.contains("wave.http.max-in-memory-size: is 0B")
			.doesNotContain("response-timeout");
		this.runner
			.withPropertyValues("wave.client-id=id", "wave.client-secret=Secret-xyz", "wave.http.connect-timeout=1ms",
					"wave.http.response-timeout=1ms", "wave.http.max-in-memory-size=1B")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void streamLineSizesOutOfRangeAreNamed() {
		ApplicationContextRunner blue = this.runner
			.withConfiguration(AutoConfigurations.of(WaveBlueApiAutoConfiguration.class))
			.withPropertyValues("wave.client-id=id", "wave.client-secret=Secret-xyz");
		for (String size : new String[] { "0", "0B", "-1MB", "2048MB", "4GB" }) {
			FailureAnalysis analysis = analyze(blue.withPropertyValues("wave.stream.max-line-size=" + size));
			assertThat(analysis.getDescription())
				.contains("wave.stream.max-line-size: is " + size + ", but must be between 1B and 2047MB");
			assertThat(analysis.getAction()).contains("such as 16MB (the default)");
		}
		blue.withPropertyValues("wave.stream.max-line-size=2047MB")
			.run((context) -> assertThat(context).hasNotFailed());
		blue.withPropertyValues("wave.stream.max-line-size=1B").run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aStreamLineSizeOfZeroIsReportedForRealApplications(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(BlueApplication.class).web(WebApplicationType.NONE)
				.properties("wave.client-id=id", "wave.client-secret=Secret-xyz", "wave.stream.max-line-size=0",
						WaveContexts.FAST_SHUTDOWN)
				.run()
				.close())
			.withRootCauseInstanceOf(InvalidWaveConfigurationException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("wave.stream.max-line-size: is 0, but must be between 1B and 2047MB")
			.doesNotContain("maxLineSize must be")
			.doesNotContain("Secret-xyz");
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class, WaveAutoConfiguration.class,
			WaveBlueApiAutoConfiguration.class })
	static class BlueApplication {

	}

	@Test
	void negativeForcedRenewalIntervalNamesItsProperty() {
		FailureAnalysis analysis = analyze(this.runner.withPropertyValues("wave.client-id=id",
				"wave.client-secret=Secret-xyz", "wave.token.forced-renewal-interval=-1s"));
		assertThat(analysis.getDescription())
			.contains("wave.token.forced-renewal-interval: is -1s, but must not be negative")
			.doesNotContain("Secret-xyz");
		assertThat(analysis.getAction())
			.contains("Set wave.token.forced-renewal-interval to zero or a positive duration such as 10s");
	}

	@Test
	void everyProblemOfEveryGroupIsInOneReport() {
		FailureAnalysis analysis = analyze(this.runner.withPropertyValues("wave.client-secret=Secret-xyz",
				"wave.token.timeout=-1000ms", "wave.http.connect-timeout=0s", "wave.stream.max-line-size=0",
				"wave.health.timeout=-2s", "wave.http.proxy.host=proxy.internal", "wave.http.ssl-bundle=missing"));
		assertThat(analysis.getDescription()).contains("wave.client-id: is not set")
			.contains("wave.token.timeout: is -1000ms, but must be longer than zero")
			.contains("wave.http.connect-timeout: is 0s")
			.contains("wave.stream.max-line-size: is 0")
			.contains("wave.health.timeout: is -2s")
			.contains("wave.http.proxy.port")
			.contains("wave.http.ssl-bundle")
			.doesNotContain("PT-")
			.doesNotContain("Secret-xyz");
		assertThat(analysis.getAction()).contains("such as 10s (the default)");
	}

	@Test
	void anApplicationsOwnRegistrationNeedsNoCredentialsButEveryOtherCheckStillRuns() {
		ApplicationContextRunner ownRegistration = this.runner.withBean(
				WaveAutoConfiguration.WAVE_CLIENT_REGISTRATION_BEAN_NAME, ClientRegistration.class,
				() -> ClientRegistration.withRegistrationId("own")
					.clientId("own-id")
					.clientSecret("own-Secret-42")
					.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
					.tokenUri("https://login.example/access_token")
					.build());
		ownRegistration.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(WaveTokenManager.class).getRegistrationId()).isEqualTo("own");
		});
		FailureAnalysis analysis = analyze(ownRegistration.withPropertyValues("wave.token.clock-skew=-5s"));
		assertThat(analysis.getDescription()).contains("wave.token.clock-skew: is -5s")
			.doesNotContain("wave.client-id")
			.doesNotContain("own-Secret-42");
	}

	@Test
	void replacingTheTokenProviderAndTheWebClientDoesNotSkipTheChecks() {
		ApplicationContextRunner replaced = this.runner
			.withPropertyValues("wave.client-id=id", "wave.client-secret=Secret-xyz")
			.withBean(WaveAccessTokenProvider.class, () -> new WaveAccessTokenProvider() {

				@Override
				public Mono<OAuth2AccessToken> getAccessToken() {
					return Mono.empty();
				}

				@Override
				public void invalidate(OAuth2AccessToken rejected) {
				}

			})
			.withBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class, WebClient::create);
		replaced.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WaveTokenManager.class));
		FailureAnalysis analysis = analyze(
				replaced.withPropertyValues("wave.http.response-timeout=-3s", "wave.token.max-attempts=0"));
		assertThat(analysis.getDescription()).contains("wave.http.response-timeout: is -3s")
			.contains("wave.token.max-attempts: is 0");
	}

	private FailureAnalysis analyze(ApplicationContextRunner configured) {
		FailureAnalysis[] result = new FailureAnalysis[1];
		configured.run((context) -> {
			assertThat(context).hasFailed();
			result[0] = new InvalidWaveConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
		});
		assertThat(result[0]).isNotNull();
		return result[0];
	}

}
