package io.github.wavestarter.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.wavestarter.autoconfigure.AlphausVariables.Family;
import io.github.wavestarter.autoconfigure.InvalidWaveConfigurationException.Problem;
import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.token.WaveGrantType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * The checks of the {@code wave.*} configuration, run once at startup by
 * {@link WavePropertiesMapper}, so that a missing credential, an unsafe URL or an
 * unusable size or timeout fails the application with one clear report
 * ({@link InvalidWaveConfigurationException}) instead of the first API call. Each problem
 * names the property, shows the value as it was written ({@code -1s}, not {@code PT-1S};
 * never a secret) and says how to fix it.
 */
final class WavePropertiesValidator {

	private static final WaveProperties DEFAULTS = new WaveProperties();

	private static final String CREDENTIALS_ACTION = "Set wave.client-id and wave.client-secret (or the "
			+ "ALPHAUS_CLIENT_ID and ALPHAUS_CLIENT_SECRET environment variables) to the API client "
			+ "credentials from Wave PRO (Settings > API access token) or Ripple";

	private static final String USER_ACTION = "Set wave.username and wave.password (or ALPHAUS_USERNAME and "
			+ "ALPHAUS_PASSWORD) for the password grant, or use wave.grant-type=client_credentials";

	private WavePropertiesValidator() {
	}

	/**
	 * Checks the whole configuration.
	 * @param properties the bound properties
	 * @param environment the environment (the values as written, the SDK variables)
	 * @param credentials whether the client credentials (and user, for the password
	 * grant) are needed
	 * @param problems where problems are added
	 */
	static void check(WaveProperties properties, Environment environment, boolean credentials, List<Problem> problems) {
		Function<String, @Nullable String> typed = typedValues(environment);
		if (credentials) {
			checkCredentials(properties, AlphausVariables.of(environment), problems);
		}
		checkClient(properties, typed, problems);
		if (!StringUtils.hasText(properties.getRegistrationId())) {
			problems.add(new Problem("wave.registration-id", "is empty",
					"Remove wave.registration-id to use '" + DEFAULTS.getRegistrationId() + "', or set an id"));
		}
		checkStream(properties.getStream().getMaxLineSize(), typed, problems);
		requirePositive(problems, typed, properties.getHealth().getTimeout(), "wave.health.timeout",
				DEFAULTS.getHealth().getTimeout());
	}

	/**
	 * Checks a named client, given as {@code wave.*} properties (its own overlaid on
	 * those of {@code wave.*}): its own credentials, and what every client has. The
	 * caller renames the properties in the problems to the client's.
	 * @param properties the client's effective properties
	 * @param typed the values as written, by {@code wave.*} name
	 * @param problems where problems are added
	 */
	static void checkNamedClient(WaveProperties properties, Function<String, @Nullable String> typed,
			List<Problem> problems) {
		requireOwn(problems, properties.getClientId(), "wave.client-id", "the API client id of this client");
		requireOwn(problems, properties.getClientSecret(), "wave.client-secret",
				"the API client secret of this client");
		if (properties.getGrantType() == WaveGrantType.PASSWORD) {
			requireOwn(problems, properties.getUsername(), "wave.username", "the Wave user of this client");
			requireOwn(problems, properties.getPassword(), "wave.password", "the password of this client's user");
		}
		checkClient(properties, typed, problems);
	}

	/** What every client is checked for: URLs, scope, token and HTTP settings. */
	private static void checkClient(WaveProperties properties, Function<String, @Nullable String> typed,
			List<Problem> problems) {
		checkUrl(problems, properties.getTokenUri(), "wave.token-uri", properties.isAllowInsecureHttp());
		checkUrl(problems, properties.getBaseUrl(), "wave.base-url", properties.isAllowInsecureHttp());
		if (!StringUtils.hasText(properties.getScope())) {
			problems
				.add(new Problem("wave.scope", "is empty", "Remove wave.scope to use '" + DEFAULTS.getScope() + "'"));
		}
		checkToken(problems, typed, properties.getToken());
		checkHttp(properties.getHttp(), typed, problems);
		checkApi(properties.getApi(), typed, problems);
	}

	private static void requireOwn(List<Problem> problems, @Nullable String value, String property, String what) {
		if (!StringUtils.hasText(value)) {
			problems.add(new Problem(property, "is not set (a named client does not take it from wave.*)",
					"Set " + property + " to " + what));
		}
	}

	private static void checkCredentials(WaveProperties properties, AlphausVariables variables,
			List<Problem> problems) {
		String credentialVariables = credentialVariables(variables);
		requireText(problems, properties.getClientId(), "wave.client-id", credentialVariables, CREDENTIALS_ACTION);
		requireText(problems, properties.getClientSecret(), "wave.client-secret", credentialVariables,
				CREDENTIALS_ACTION);
		if (properties.getGrantType() == WaveGrantType.PASSWORD) {
			requireText(problems, properties.getUsername(), "wave.username", userVariable(variables, Family::username),
					USER_ACTION);
			requireText(problems, properties.getPassword(), "wave.password", userVariable(variables, Family::password),
					USER_ACTION);
		}
	}

	private static void checkToken(List<Problem> problems, Function<String, @Nullable String> typed,
			WaveProperties.Token token) {
		WaveProperties.Token defaults = DEFAULTS.getToken();
		requirePositive(problems, typed, token.getTimeout(), "wave.token.timeout", defaults.getTimeout());
		requirePositive(problems, typed, token.getDefaultExpiresIn(), "wave.token.default-expires-in",
				defaults.getDefaultExpiresIn());
		requireNotNegative(problems, typed, token.getClockSkew(), "wave.token.clock-skew", defaults.getClockSkew());
		requireNotNegative(problems, typed, token.getRetryBackoff(), "wave.token.retry-backoff",
				defaults.getRetryBackoff());
		requireNotNegative(problems, typed, token.getForcedRenewalInterval(), "wave.token.forced-renewal-interval",
				defaults.getForcedRenewalInterval());
		requireAttempts(problems, typed, token.getMaxAttempts(), "wave.token.max-attempts", defaults.getMaxAttempts());
	}

	/**
	 * Checks {@code wave.api.*}: a rate of zero or more, at least one attempt, a backoff
	 * of zero or more and a longest backoff above zero.
	 */
	private static void checkApi(WaveProperties.Api api, Function<String, @Nullable String> typed,
			List<Problem> problems) {
		WaveProperties.Api defaults = DEFAULTS.getApi();
		String rate = "wave.api.max-requests-per-second";
		double perSecond = api.getMaxRequestsPerSecond();
		if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
			problems.add(new Problem(rate, "is " + shown(typed, rate, perSecond) + ", but must be zero or more",
					"Set " + rate + " to the calls per second allowed to this application (Alphaus allows "
							+ (long) defaults.getMaxRequestsPerSecond()
							+ " per user; N instances sharing a credential should each use "
							+ (long) defaults.getMaxRequestsPerSecond() + "/N), or to 0 for no limit"));
		}
		WaveProperties.Retry retry = api.getRetry();
		requireAttempts(problems, typed, retry.getMaxAttempts(), "wave.api.retry.max-attempts",
				defaults.getRetry().getMaxAttempts());
		requireNotNegative(problems, typed, retry.getBackoff(), "wave.api.retry.backoff",
				defaults.getRetry().getBackoff());
		requirePositive(problems, typed, retry.getMaxBackoff(), "wave.api.retry.max-backoff",
				defaults.getRetry().getMaxBackoff());
	}

	/**
	 * Checks the timeouts and sizes of {@code wave.http.*}: each, when set, must be
	 * larger than zero (a negative size would mean Spring's "unlimited").
	 */
	private static void checkHttp(WaveProperties.Http http, Function<String, @Nullable String> typed,
			List<Problem> problems) {
		requireAboveZero(problems, typed, "wave.http.connect-timeout", http.getConnectTimeout(),
				isPositive(http.getConnectTimeout()),
				"a duration such as 5s, or remove it for the HTTP client's default");
		requireAboveZero(problems, typed, "wave.http.response-timeout", http.getResponseTimeout(),
				isPositive(http.getResponseTimeout()), "a duration such as 30s, or remove it for no timeout");
		DataSize maxInMemorySize = http.getMaxInMemorySize();
		requireAboveZero(problems, typed, "wave.http.max-in-memory-size", maxInMemorySize,
				maxInMemorySize == null || maxInMemorySize.toBytes() > 0,
				"a size such as 1MB, or remove it for Spring's codec default (256KB)");
	}

	/** Checks {@code wave.stream.max-line-size}: between 1B and 2047MB. */
	private static void checkStream(@Nullable DataSize maxLineSize, Function<String, @Nullable String> typed,
			List<Problem> problems) {
		String property = "wave.stream.max-line-size";
		DataSize largest = BlueStreams.MAX_LINE_SIZE;
		if (maxLineSize == null || maxLineSize.toBytes() <= 0 || maxLineSize.toBytes() > largest.toBytes()) {
			problems.add(new Problem(property,
					"is " + shown(typed, property, maxLineSize) + ", but must be between 1B and "
							+ largest.toMegabytes() + "MB",
					"Set " + property + " to the size of the longest row expected, such as "
							+ DEFAULTS.getStream().getMaxLineSize().toMegabytes() + "MB (the default)"));
		}
	}

	/**
	 * Looks up the values of properties as written in the configuration ({@code -1s}, not
	 * {@code PT-1S}), with relaxed names ({@code WAVE_HTTP_CONNECTTIMEOUT}).
	 * @param environment the environment
	 * @return a function from a property name to its text, or {@code null}
	 */
	static Function<String, @Nullable String> typedValues(Environment environment) {
		Binder binder = Binder.get(environment);
		return (property) -> binder.bind(property, Bindable.of(String.class)).orElse(null);
	}

	private static void requireAboveZero(List<Problem> problems, Function<String, @Nullable String> typed,
			String property, @Nullable Object value, boolean aboveZero, String example) {

		if (!aboveZero) {
			problems.add(new Problem(property, "is " + shown(typed, property, value) + ", but must be larger than zero",
					"Set " + property + " to " + example));
		}
	}

	/** Whether an optional duration is unset or longer than zero. */
	private static boolean isPositive(Duration value) {
		return value == null || (!value.isZero() && !value.isNegative());
	}

	/** The value as the user wrote it where it can be found, else formatted. */
	private static String shown(Function<String, @Nullable String> typed, String property, @Nullable Object value) {

		String text = (typed != null) ? typed.apply(property) : null;
		if (text != null && !text.isBlank()) {
			return text.strip();
		}
		if (value == null) {
			return "empty";
		}
		return (value instanceof Duration duration) ? format(duration) : value.toString();
	}

	/** A duration as one would write it: {@code -1s}, {@code 200ms}, {@code 5m}. */
	static String format(Duration value) {
		if (value == null) {
			return "empty";
		}
		long nanos;
		try {
			nanos = value.toNanos();
		}
		catch (ArithmeticException ex) {
			return value.toString();
		}
		if (nanos == 0) {
			return "0s";
		}
		String[] units = { "d", "h", "m", "s", "ms", "us", "ns" };
		long[] sizes = { 86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L,
				1L };
		for (int i = 0; i < units.length; i++) {
			if (nanos % sizes[i] == 0) {
				return (nanos / sizes[i]) + units[i];
			}
		}
		return nanos + "ns";
	}

	private static void requirePositive(List<Problem> problems, Function<String, @Nullable String> typed,
			@Nullable Duration value, String property, Duration usual) {
		if (value == null || value.isZero() || value.isNegative()) {
			problems.add(new Problem(property, "is " + shown(typed, property, value) + ", but must be longer than zero",
					"Set " + property + " to a positive duration such as " + format(usual) + " (the default)"));
		}
	}

	private static void requireAttempts(List<Problem> problems, Function<String, @Nullable String> typed, int value,
			String property, int usual) {
		if (value < 1) {
			problems.add(new Problem(property,
					"is " + shown(typed, property, value) + ", but at least one attempt is needed",
					"Set " + property + " to 1 (no retries) or more; the default is " + usual));
		}
	}

	private static void requireNotNegative(List<Problem> problems, Function<String, @Nullable String> typed,
			@Nullable Duration value, String property, Duration usual) {
		if (value == null || value.isNegative()) {
			problems.add(new Problem(property, "is " + shown(typed, property, value) + ", but must not be negative",
					"Set " + property + " to zero or a positive duration such as " + format(usual) + " (the default)"));
		}
	}

	private static void requireText(List<Problem> problems, String value, String property, String variables,
			String action) {
		if (!StringUtils.hasText(value)) {
			problems.add(new Problem(property, "is not set (nor " + variables + ")", action));
		}
	}

	/**
	 * The pairs of SDK variables consulted for the client credentials, and those found
	 * incomplete.
	 */
	private static String credentialVariables(AlphausVariables variables) {
		String pairs = Arrays.stream(Family.values()).map(Family::pair).collect(Collectors.joining(", then "));
		String incomplete = variables.incompletePairs().isEmpty() ? ""
				: "; " + String.join(", ", variables.incompletePairs());
		return "a complete pair of the Alphaus SDK environment variables " + pairs + incomplete;
	}

	/** The SDK variable consulted for the user name or password. */
	private static String userVariable(AlphausVariables variables, Function<Family, String> variable) {
		Family family = variables.family();
		if (family != null) {
			return "the environment variable " + variable.apply(family) + ", which goes with " + family.pair();
		}
		return "the environment variable " + variable.apply(Family.GENERIC) + "; " + variable.apply(Family.RIPPLE)
				+ " and " + variable.apply(Family.WAVE) + " go with the " + Family.RIPPLE.pair() + " and "
				+ Family.WAVE.pair() + " credentials";
	}

	private static void checkUrl(List<Problem> problems, URI url, String property, boolean allowInsecureHttp) {
		if (url == null || url.getHost() == null
				|| !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
			problems.add(new Problem(property, "'" + url + "' is not an absolute http(s) URL",
					"Set " + property + " to an absolute https URL"));
		}
		else if ("http".equalsIgnoreCase(url.getScheme()) && !allowInsecureHttp && !isLoopback(url.getHost())) {
			problems.add(new Problem(property,
					"'" + url + "' is plain http to a non-loopback host, which would send credentials or tokens "
							+ "unencrypted",
					"Use https for " + property + ", or set wave.allow-insecure-http=true if the network is "
							+ "trusted"));
		}
	}

	static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		return name.equals("localhost") || name.endsWith(".localhost") || name.matches("127(\\.\\d{1,3}){3}")
				|| name.equals("::1") || name.equals("0:0:0:0:0:0:0:1");
	}

}
