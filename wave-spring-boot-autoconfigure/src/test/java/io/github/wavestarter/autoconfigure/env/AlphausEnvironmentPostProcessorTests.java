package io.github.wavestarter.autoconfigure.env;

import java.util.HashMap;
import java.util.Map;

import io.github.wavestarter.autoconfigure.WaveProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class AlphausEnvironmentPostProcessorTests {

	@Test
	void sdkVariablesBecomeWaveProperties() {
		WaveProperties properties = bind(Map.of("ALPHAUS_CLIENT_ID", "env-id", "ALPHAUS_CLIENT_SECRET", "env-secret",
				"ALPHAUS_USERNAME", "env-user", "ALPHAUS_PASSWORD", "env-pw", "ALPHAUS_AUTH_URL",
				"https://login.alphaus.cloud/ripple/access_token"), Map.of());
		assertThat(properties.getClientId()).isEqualTo("env-id");
		assertThat(properties.getClientSecret()).isEqualTo("env-secret");
		assertThat(properties.getUsername()).isEqualTo("env-user");
		assertThat(properties.getPassword()).isEqualTo("env-pw");
		assertThat(properties.getTokenUri()).hasToString("https://login.alphaus.cloud/ripple/access_token");
	}

	@Test
	void waveVariantsAreTheSecondChoice() {
		WaveProperties properties = bind(Map.of("ALPHAUS_WAVE_CLIENT_ID", "wave-id", "ALPHAUS_CLIENT_SECRET",
				"first-secret", "ALPHAUS_WAVE_CLIENT_SECRET", "second-secret"), Map.of());
		assertThat(properties.getClientId()).isEqualTo("wave-id");
		assertThat(properties.getClientSecret()).isEqualTo("first-secret");
	}

	@Test
	void wavePropertiesAndRelaxedWaveVariablesWin() {
		WaveProperties properties = bind(Map.of("ALPHAUS_CLIENT_ID", "env-id", "ALPHAUS_CLIENT_SECRET", "env-secret",
				"WAVE_CLIENT_SECRET", "relaxed-secret"), Map.of("wave.client-id", "yaml-id"));
		assertThat(properties.getClientId()).isEqualTo("yaml-id");
		assertThat(properties.getClientSecret()).isEqualTo("relaxed-secret");
	}

	@Test
	void nothingIsAddedWithoutVariables() {
		StandardEnvironment environment = environment(Map.of(), Map.of());
		new AlphausEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(AlphausEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
		assertThat(new WaveProperties().getTokenUri()).isEqualTo(WaveProperties.DEFAULT_TOKEN_URI);
	}

	private static WaveProperties bind(Map<String, Object> variables, Map<String, Object> properties) {
		StandardEnvironment environment = environment(variables, properties);
		new AlphausEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		return Binder.get(environment).bindOrCreate("wave", WaveProperties.class);
	}

	private static StandardEnvironment environment(Map<String, Object> variables, Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new HashMap<>(variables)));
		environment.getPropertySources().addFirst(new MapPropertySource("application", new HashMap<>(properties)));
		return environment;
	}

}
