package io.github.wavestarter.autoconfigure.diagnostics;

import io.github.wavestarter.autoconfigure.WaveAutoConfiguration;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

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
		assertThatException().isThrownBy(() -> startApplication("wave.client-id=id", "wave.client-secret=Secret-xyz",
				"wave.grant-type=implicit"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("wave.grant-type")
			.contains("implicit")
			.contains("CLIENT_CREDENTIALS")
			.contains("PASSWORD")
			.doesNotContain("Secret-xyz");
	}

	@Test
	void theAnalyzerIsRegisteredForRealApplications(CapturedOutput output) {
		assertThatException().isThrownBy(() -> startApplication("wave.client-secret=Secret-xyz"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("wave.client-id: is not set")
			.contains("wave.enabled=false")
			.doesNotContain("Secret-xyz");
	}

	private static void startApplication(String... properties) {
		new SpringApplicationBuilder(EmptyApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.properties(WaveContexts.FAST_SHUTDOWN)
			.run()
			.close();
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class, WaveAutoConfiguration.class })
	static class EmptyApplication {

	}

	@Test
	void unusableTokenSettingsNameTheirProperties() {
		FailureAnalysis analysis = analyze(this.runner.withPropertyValues("wave.client-id=id",
				"wave.client-secret=Secret-xyz", "wave.token.timeout=0s", "wave.token.max-attempts=0",
				"wave.token.clock-skew=-1s", "wave.token.default-expires-in=0s", "wave.token.retry-backoff=-5ms",
				"wave.scope=", "wave.registration-id= "));
		assertThat(analysis.getDescription()).contains("wave.token.timeout: is PT0S, but must be longer than zero")
			.contains("wave.token.max-attempts: is 0")
			.contains("wave.token.clock-skew: is PT-1S, but must not be negative")
			.contains("wave.token.default-expires-in")
			.contains("wave.token.retry-backoff")
			.contains("wave.scope: is empty")
			.contains("wave.registration-id: is empty")
			.doesNotContain("Secret-xyz");
		assertThat(analysis.getAction()).contains("wave.token.max-attempts to 1");
	}

	@Test
	void negativeForcedRenewalIntervalNamesItsProperty() {
		FailureAnalysis analysis = analyze(this.runner.withPropertyValues("wave.client-id=id",
				"wave.client-secret=Secret-xyz", "wave.token.forced-renewal-interval=-1s"));
		assertThat(analysis.getDescription())
			.contains("wave.token.forced-renewal-interval: is PT-1S, but must not be negative")
			.doesNotContain("Secret-xyz");
		assertThat(analysis.getAction())
			.contains("Set wave.token.forced-renewal-interval to zero or a positive duration such as 10s");
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
