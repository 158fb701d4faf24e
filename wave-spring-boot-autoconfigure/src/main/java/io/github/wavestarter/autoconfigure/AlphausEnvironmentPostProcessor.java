package io.github.wavestarter.autoconfigure;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Lets the environment variables of the official Alphaus SDKs configure the starter, as
 * the SDKs read them (see {@link AlphausVariables}): the first complete pair of
 * {@code ALPHAUS_CLIENT_ID}/{@code _SECRET},
 * {@code ALPHAUS_RIPPLE_CLIENT_ID}/{@code _SECRET} and
 * {@code ALPHAUS_WAVE_CLIENT_ID}/{@code _SECRET}, the user name and password of the same
 * family (then the {@code password} grant), {@code ALPHAUS_AUTH_URL} or, for Ripple
 * credentials, the Ripple token endpoint.
 * <p>
 * They are added with the lowest precedence, so any {@code wave.*} property (including
 * {@code WAVE_CLIENT_ID} through relaxed binding) wins over them.
 */
class AlphausEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source this adds. */
	public static final String PROPERTY_SOURCE_NAME = AlphausVariables.PROPERTY_SOURCE_NAME;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().remove(PROPERTY_SOURCE_NAME);
		Binder binder = Binder.get(environment);
		boolean credentialsConfigured = configured(binder, AlphausVariables.CLIENT_ID)
				&& configured(binder, AlphausVariables.CLIENT_SECRET);
		AlphausVariables variables = AlphausVariables.resolve(environment::getProperty, credentialsConfigured);
		if (!variables.values().isEmpty() || !variables.incompletePairs().isEmpty()) {
			environment.getPropertySources().addLast(variables.toPropertySource());
		}
	}

	private static boolean configured(Binder binder, String property) {
		return binder.bind(property, String.class).map(StringUtils::hasText).orElse(false);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
