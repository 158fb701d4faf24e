package io.github.wavestarter.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.wavestarter.autoconfigure.diagnostics.InvalidWaveConfigurationException;
import io.github.wavestarter.autoconfigure.diagnostics.InvalidWaveConfigurationException.Problem;
import io.github.wavestarter.token.WaveGrantType;

import org.springframework.util.StringUtils;

/**
 * Checks the {@code wave.*} configuration at startup, so that a missing credential or an
 * unsafe URL fails the application with a clear report instead of the first API call.
 */
final class WavePropertiesValidator {

	private static final String CREDENTIALS_ACTION = "Set wave.client-id and wave.client-secret (or the "
			+ "ALPHAUS_CLIENT_ID and ALPHAUS_CLIENT_SECRET environment variables) to the API client "
			+ "credentials from Wave PRO (Settings > API access token)";

	private static final String USER_ACTION = "Set wave.username and wave.password (or ALPHAUS_USERNAME and "
			+ "ALPHAUS_PASSWORD) for the password grant, or use wave.grant-type=client_credentials";

	private WavePropertiesValidator() {
	}

	static void validate(WaveProperties properties) {
		List<Problem> problems = new ArrayList<>();
		requireText(problems, properties.getClientId(), "wave.client-id", "ALPHAUS_CLIENT_ID or ALPHAUS_WAVE_CLIENT_ID",
				CREDENTIALS_ACTION);
		requireText(problems, properties.getClientSecret(), "wave.client-secret",
				"ALPHAUS_CLIENT_SECRET or ALPHAUS_WAVE_CLIENT_SECRET", CREDENTIALS_ACTION);
		if (properties.getGrantType() == WaveGrantType.PASSWORD) {
			requireText(problems, properties.getUsername(), "wave.username",
					"ALPHAUS_USERNAME or ALPHAUS_WAVE_USERNAME", USER_ACTION);
			requireText(problems, properties.getPassword(), "wave.password",
					"ALPHAUS_PASSWORD or ALPHAUS_WAVE_PASSWORD", USER_ACTION);
		}
		checkUrl(problems, properties.getTokenUri(), "wave.token-uri", properties.isAllowInsecureHttp());
		checkUrl(problems, properties.getBaseUrl(), "wave.base-url", properties.isAllowInsecureHttp());
		if (!StringUtils.hasText(properties.getRegistrationId())) {
			problems.add(new Problem("wave.registration-id", "is empty",
					"Remove wave.registration-id to use 'wave', or set an id"));
		}
		if (!StringUtils.hasText(properties.getScope())) {
			problems.add(new Problem("wave.scope", "is empty", "Remove wave.scope to use 'openid'"));
		}
		checkToken(problems, properties.getToken());
		if (!problems.isEmpty()) {
			throw new InvalidWaveConfigurationException(problems);
		}
	}

	private static void checkToken(List<Problem> problems, WaveProperties.Token token) {
		requirePositive(problems, token.getTimeout(), "wave.token.timeout", "10s");
		requirePositive(problems, token.getDefaultExpiresIn(), "wave.token.default-expires-in", "5m");
		requireNotNegative(problems, token.getClockSkew(), "wave.token.clock-skew", "60s");
		requireNotNegative(problems, token.getRetryBackoff(), "wave.token.retry-backoff", "200ms");
		requireNotNegative(problems, token.getForcedRenewalInterval(), "wave.token.forced-renewal-interval", "10s");
		if (token.getMaxAttempts() < 1) {
			problems.add(new Problem("wave.token.max-attempts",
					"is " + token.getMaxAttempts() + ", but at least one " + "attempt is needed",
					"Set wave.token.max-attempts to 1 (no retries) or more; the default is 3"));
		}
	}

	private static void requirePositive(List<Problem> problems, Duration value, String property, String usual) {
		if (value == null || value.isZero() || value.isNegative()) {
			problems.add(new Problem(property, "is " + value + ", but must be longer than zero",
					"Set " + property + " to a positive duration such as " + usual));
		}
	}

	private static void requireNotNegative(List<Problem> problems, Duration value, String property, String usual) {
		if (value == null || value.isNegative()) {
			problems.add(new Problem(property, "is " + value + ", but must not be negative",
					"Set " + property + " to zero or a positive duration such as " + usual));
		}
	}

	private static void requireText(List<Problem> problems, String value, String property, String variables,
			String action) {
		if (!StringUtils.hasText(value)) {
			problems.add(new Problem(property, "is not set (nor the environment variable " + variables + ")", action));
		}
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
