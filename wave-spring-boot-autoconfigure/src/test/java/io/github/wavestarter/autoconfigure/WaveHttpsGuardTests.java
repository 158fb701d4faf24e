package io.github.wavestarter.autoconfigure;

import io.github.wavestarter.token.WaveAccessTokenProvider;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTPS guard: plain http to a non-loopback host fails startup with a failure
 * analysis, unless {@code wave.allow-insecure-http=true}.
 */
class WaveHttpsGuardTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WaveAutoConfiguration.class))
		.withPropertyValues("wave.client-id=id", "wave.client-secret=Guard-Secret-Value");

	@Test
	void rejectsPlainHttpTokenUriToRemoteHost() {
		this.runner.withPropertyValues("wave.token-uri=http://example.com/access_token").run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains("wave.token-uri")
				.contains("http://example.com/access_token")
				.contains("plain http");
			assertThat(analysis.getAction()).contains("wave.allow-insecure-http=true");
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("Guard-Secret-Value");
		});
	}

	@Test
	void rejectsPlainHttpBaseUrlToRemoteHost() {
		this.runner.withPropertyValues("wave.base-url=http://example.com/m/blue")
			.run((context) -> assertThat(analyze(context).getDescription()).contains("wave.base-url")
				.doesNotContain("wave.token-uri"));
	}

	@Test
	void acceptsPlainHttpToLoopback() {
		this.runner
			.withPropertyValues("wave.token-uri=http://127.0.0.1:9/access_token",
					"wave.base-url=http://localhost:9/m/blue")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(WaveAccessTokenProvider.class));
		this.runner.withPropertyValues("wave.token-uri=http://[::1]:9/access_token")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void acceptsPlainHttpWhenAllowed() {
		this.runner
			.withPropertyValues("wave.token-uri=http://example.com/access_token", "wave.allow-insecure-http=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(WaveAccessTokenProvider.class));
	}

	@Test
	void acceptsHttpsByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed());
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		assertThat(failure).hasRootCauseInstanceOf(InvalidWaveConfigurationException.class);
		FailureAnalysis analysis = new InvalidWaveConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}

}
