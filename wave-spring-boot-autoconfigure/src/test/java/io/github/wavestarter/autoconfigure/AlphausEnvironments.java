package io.github.wavestarter.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Environments whose operating-system environment is a given set of variables only, so a
 * test decides which Alphaus SDK variables are set, whatever the machine has.
 */
public final class AlphausEnvironments {

	private AlphausEnvironments() {
	}

	/**
	 * Replaces the system environment of {@code environment}.
	 * @param environment the environment
	 * @param variables {@code NAME=value} entries
	 * @return the environment
	 */
	public static <E extends ConfigurableEnvironment> E withVariables(E environment, String... variables) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (String variable : variables) {
			int equals = variable.indexOf('=');
			map.put(variable.substring(0, equals), variable.substring(equals + 1));
		}
		SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, map);
		if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
		}
		else {
			environment.getPropertySources().addLast(source);
		}
		return environment;
	}

	/**
	 * For an {@code ApplicationContextRunner}: the context gets these variables as its
	 * system environment, then the post-processor runs, as it does in a Spring Boot
	 * application.
	 * @param variables {@code NAME=value} entries
	 * @return the initializer
	 */
	public static ApplicationContextInitializer<ConfigurableApplicationContext> variables(String... variables) {
		return (context) -> new AlphausEnvironmentPostProcessor()
			.postProcessEnvironment(withVariables(context.getEnvironment(), variables), new SpringApplication());
	}

}
