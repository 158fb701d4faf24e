package io.github.wavestarter.autoconfigure.env;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Lets the environment variables of the official Alphaus SDKs configure the starter:
 * {@code ALPHAUS_CLIENT_ID}, {@code ALPHAUS_CLIENT_SECRET}, {@code ALPHAUS_USERNAME},
 * {@code ALPHAUS_PASSWORD} and {@code ALPHAUS_AUTH_URL}, then their
 * {@code ALPHAUS_WAVE_*} variants, become defaults of the matching {@code wave.*}
 * properties.
 * <p>
 * They are added with the lowest precedence, so any {@code wave.*} property (including
 * {@code WAVE_CLIENT_ID} through relaxed binding) wins over them.
 */
public class AlphausEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source this adds. */
	public static final String PROPERTY_SOURCE_NAME = "waveAlphausEnvironmentVariables";

	/** Each property with the variables that supply its default, first found wins. */
	public static final Map<String, List<String>> VARIABLES = Map.of("wave.client-id",
			List.of("ALPHAUS_CLIENT_ID", "ALPHAUS_WAVE_CLIENT_ID"), "wave.client-secret",
			List.of("ALPHAUS_CLIENT_SECRET", "ALPHAUS_WAVE_CLIENT_SECRET"), "wave.username",
			List.of("ALPHAUS_USERNAME", "ALPHAUS_WAVE_USERNAME"), "wave.password",
			List.of("ALPHAUS_PASSWORD", "ALPHAUS_WAVE_PASSWORD"), "wave.token-uri",
			List.of("ALPHAUS_AUTH_URL", "ALPHAUS_WAVE_AUTH_URL"));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		VARIABLES.forEach((property, variables) -> variables.stream()
			.map(environment::getProperty)
			.filter(StringUtils::hasText)
			.findFirst()
			.ifPresent((value) -> defaults.put(property, value)));
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
