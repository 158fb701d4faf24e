package io.github.wavestarter.autoconfigure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * The {@code wave.*} defaults the environment variables of the official Alphaus SDKs
 * give, read as blue-sdk-go ({@code session.GetLocalCreds}) and blue-sdk-python
 * ({@code alphausblue.connection.Session}) read them:
 * <ol>
 * <li>the client credentials are the first <em>complete</em> pair of
 * {@code ALPHAUS_CLIENT_ID}/{@code ALPHAUS_CLIENT_SECRET},
 * {@code ALPHAUS_RIPPLE_CLIENT_ID}/{@code ALPHAUS_RIPPLE_CLIENT_SECRET} and
 * {@code ALPHAUS_WAVE_CLIENT_ID}/{@code ALPHAUS_WAVE_CLIENT_SECRET}; an empty variable
 * counts as unset, a pair with one half only is passed over;</li>
 * <li>user name and password come from the same family ({@code ALPHAUS_RIPPLE_USERNAME}
 * and {@code ALPHAUS_RIPPLE_PASSWORD} with the Ripple pair, ...), from
 * {@code ALPHAUS_USERNAME} and {@code ALPHAUS_PASSWORD} when the generic pair, no pair or
 * the {@code wave.*} properties give the credentials; when both are set the grant is
 * {@code password};</li>
 * <li>{@code ALPHAUS_AUTH_URL} is the token URI; without it, Ripple credentials mean the
 * Ripple endpoint {@value #RIPPLE_TOKEN_URI}, the others keep the starter's default, the
 * Wave endpoint. (The SDKs default to the Ripple endpoint, and ignore
 * {@code ALPHAUS_AUTH_URL} for the {@code ALPHAUS_WAVE_*} pair.)</li>
 * </ol>
 * When both {@code wave.client-id} and {@code wave.client-secret} are configured, no pair
 * is used. Every value is a default only: any {@code wave.*} property wins.
 */
final class AlphausVariables {

	/** Ripple's token endpoint. */
	public static final String RIPPLE_TOKEN_URI = "https://login.alphaus.cloud/ripple/access_token";

	/** The variable overriding the token endpoint. */
	public static final String AUTH_URL = "ALPHAUS_AUTH_URL";

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "waveAlphausEnvironmentVariables";

	static final String CLIENT_ID = "wave.client-id";

	static final String CLIENT_SECRET = "wave.client-secret";

	static final String USERNAME = "wave.username";

	static final String PASSWORD = "wave.password";

	static final String GRANT_TYPE = "wave.grant-type";

	static final String TOKEN_URI = "wave.token-uri";

	private final @Nullable Family family;

	private final Map<String, Object> values;

	private final Map<String, String> origins;

	private final List<String> incompletePairs;

	private AlphausVariables(@Nullable Family family, Map<String, Object> values, Map<String, String> origins,
			List<String> incompletePairs) {
		this.family = family;
		this.values = Collections.unmodifiableMap(values);
		this.origins = Collections.unmodifiableMap(origins);
		this.incompletePairs = List.copyOf(incompletePairs);
	}

	/**
	 * Resolves the variables.
	 * @param variables the value of a variable by name, {@code null} if unset
	 * @param credentialsConfigured whether {@code wave.client-id} and
	 * {@code wave.client-secret} are both configured otherwise
	 * @return the defaults they give
	 */
	public static AlphausVariables resolve(UnaryOperator<String> variables, boolean credentialsConfigured) {
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, String> origins = new LinkedHashMap<>();
		List<String> incompletePairs = new ArrayList<>();
		Family family = null;
		for (Family candidate : Family.values()) {
			if (family != null || credentialsConfigured) {
				break;
			}
			String id = variables.apply(candidate.clientId());
			String secret = variables.apply(candidate.clientSecret());
			if (StringUtils.hasText(id) && StringUtils.hasText(secret)) {
				family = candidate;
				put(values, origins, CLIENT_ID, id, candidate.clientId());
				put(values, origins, CLIENT_SECRET, secret, candidate.clientSecret());
			}
			else if (StringUtils.hasText(id) || StringUtils.hasText(secret)) {
				incompletePairs
					.add(StringUtils.hasText(id) ? candidate.clientId() + " is set without " + candidate.clientSecret()
							: candidate.clientSecret() + " is set without " + candidate.clientId());
			}
		}
		Family users = (family != null) ? family : Family.GENERIC;
		String username = variables.apply(users.username());
		String password = variables.apply(users.password());
		if (StringUtils.hasText(username)) {
			put(values, origins, USERNAME, username, users.username());
		}
		if (StringUtils.hasText(password)) {
			put(values, origins, PASSWORD, password, users.password());
		}
		if (StringUtils.hasText(username) && StringUtils.hasText(password)) {
			put(values, origins, GRANT_TYPE, "password", users.username() + " and " + users.password()
					+ " are set and wave.grant-type is not, as the Alphaus SDKs choose it");
		}
		String authUrl = variables.apply(AUTH_URL);
		if (StringUtils.hasText(authUrl)) {
			put(values, origins, TOKEN_URI, authUrl, AUTH_URL);
		}
		else if (family == Family.RIPPLE) {
			put(values, origins, TOKEN_URI, RIPPLE_TOKEN_URI, "Ripple credentials " + Family.RIPPLE.pair());
		}
		return new AlphausVariables(family, values, origins, (family != null) ? List.of() : incompletePairs);
	}

	/**
	 * The variables behind the defaults in an environment the
	 * {@link AlphausEnvironmentPostProcessor} has prepared.
	 * @param environment the environment
	 * @return what the variables give, empty if the post-processor did not run or found
	 * nothing
	 */
	public static AlphausVariables of(Environment environment) {
		if (environment instanceof ConfigurableEnvironment configurable && configurable.getPropertySources()
			.get(PROPERTY_SOURCE_NAME) instanceof DefaultsPropertySource defaults) {
			return defaults.variables;
		}
		return new AlphausVariables(null, Map.of(), Map.of(), List.of());
	}

	/**
	 * Like {@link #origins()}, but only for the properties whose value in
	 * {@code environment} actually comes from the variables (no other property source
	 * sets them).
	 * @param environment the environment
	 * @return each such {@code wave.*} property with the variables that gave it
	 */
	public static Map<String, String> effectiveOrigins(Environment environment) {
		AlphausVariables variables = of(environment);
		if (variables.origins.isEmpty() || !(environment instanceof ConfigurableEnvironment configurable)) {
			return Map.of();
		}
		PropertySource<?> defaults = configurable.getPropertySources().get(PROPERTY_SOURCE_NAME);
		Map<String, String> effective = new LinkedHashMap<>();
		variables.origins.forEach((property, origin) -> {
			ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
			for (ConfigurationPropertySource source : ConfigurationPropertySources.get(configurable)) {
				if (source.getConfigurationProperty(name) != null) {
					if (source.getUnderlyingSource() == defaults) {
						effective.put(property, origin);
					}
					break;
				}
			}
		});
		return effective;
	}

	/**
	 * @return the family of the pair that gave the client credentials, or {@code null}
	 */
	public @Nullable Family family() {

		return this.family;
	}

	/**
	 * @return the {@code wave.*} defaults, by property name
	 */
	public Map<String, Object> values() {
		return this.values;
	}

	/**
	 * @return for each property of {@link #values()}, the variables that gave it, e.g.
	 * {@code wave.client-id -> ALPHAUS_RIPPLE_CLIENT_ID}
	 */
	public Map<String, String> origins() {
		return this.origins;
	}

	/**
	 * @return when no pair was complete, the pairs that had one half only, e.g.
	 * {@code "ALPHAUS_CLIENT_ID is set without ALPHAUS_CLIENT_SECRET"}
	 */
	public List<String> incompletePairs() {
		return this.incompletePairs;
	}

	/**
	 * @return a property source with {@link #values()}, to be added last
	 */
	MapPropertySource toPropertySource() {
		return new DefaultsPropertySource(this);
	}

	private static void put(Map<String, Object> values, Map<String, String> origins, String property, String value,
			String origin) {
		values.put(property, value);
		origins.put(property, origin);
	}

	/**
	 * A family of variables, in the order the SDKs consult them.
	 */
	public enum Family {

		/** {@code ALPHAUS_CLIENT_ID}, {@code ALPHAUS_USERNAME}, ... */
		GENERIC("ALPHAUS_"),

		/** {@code ALPHAUS_RIPPLE_CLIENT_ID}, {@code ALPHAUS_RIPPLE_USERNAME}, ... */
		RIPPLE("ALPHAUS_RIPPLE_"),

		/** {@code ALPHAUS_WAVE_CLIENT_ID}, {@code ALPHAUS_WAVE_USERNAME}, ... */
		WAVE("ALPHAUS_WAVE_");

		private final String prefix;

		Family(String prefix) {
			this.prefix = prefix;
		}

		/**
		 * @return e.g. {@code ALPHAUS_RIPPLE_CLIENT_ID}
		 */
		public String clientId() {
			return this.prefix + "CLIENT_ID";
		}

		/**
		 * @return e.g. {@code ALPHAUS_RIPPLE_CLIENT_SECRET}
		 */
		public String clientSecret() {
			return this.prefix + "CLIENT_SECRET";
		}

		/**
		 * @return e.g. {@code ALPHAUS_RIPPLE_USERNAME}
		 */
		public String username() {
			return this.prefix + "USERNAME";
		}

		/**
		 * @return e.g. {@code ALPHAUS_RIPPLE_PASSWORD}
		 */
		public String password() {
			return this.prefix + "PASSWORD";
		}

		/**
		 * @return e.g. {@code ALPHAUS_RIPPLE_CLIENT_ID/ALPHAUS_RIPPLE_CLIENT_SECRET}
		 */
		public String pair() {
			return clientId() + "/" + clientSecret();
		}

	}

	private static final class DefaultsPropertySource extends MapPropertySource {

		private final AlphausVariables variables;

		DefaultsPropertySource(AlphausVariables variables) {
			super(PROPERTY_SOURCE_NAME, variables.values);
			this.variables = variables;
		}

	}

}
