package io.github.wavestarter.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.wavestarter.autoconfigure.InvalidWaveConfigurationException.Problem;
import io.github.wavestarter.token.WaveTokenManager;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.StringUtils;

/**
 * Turns {@link WaveProperties} into {@link WaveSettings}: the one place where the
 * {@code wave.*} configuration is read and checked. Every problem (credentials, URLs,
 * durations, sizes, SSL bundle, proxy) is collected first and reported together in one
 * {@link InvalidWaveConfigurationException}, so that two mistakes cost one failed start,
 * not two.
 */
final class WavePropertiesMapper {

	private WavePropertiesMapper() {
	}

	/**
	 * Checks and maps the configuration.
	 * @param properties the bound properties
	 * @param environment the environment: the properties as written, and the environment
	 * variables ({@code ALPHAUS_*}, {@code HTTPS_PROXY}, {@code NO_PROXY})
	 * @param sslBundles the application's SSL bundles, or {@code null}
	 * @param registrationFromProperties whether the client registration is built from
	 * {@code wave.*} (else the application defines its own and the credentials are not
	 * required)
	 * @return the settings
	 * @throws InvalidWaveConfigurationException when any setting cannot work
	 */
	static WaveSettings map(WaveProperties properties, Environment environment, @Nullable SslBundles sslBundles,
			boolean registrationFromProperties) {
		List<Problem> problems = new ArrayList<>();
		WavePropertiesValidator.check(properties, environment, registrationFromProperties, problems);
		WaveProperties.Http http = properties.getHttp();
		SslBundle sslBundle = sslBundle(http.getSslBundle(), sslBundles, problems);
		WaveProxy proxy = proxy(http.getProxy(), environment::getProperty, problems);
		if (!problems.isEmpty()) {
			throw new InvalidWaveConfigurationException(problems);
		}
		return new WaveSettings(registrationFromProperties ? registration(properties) : null, properties.getUsername(),
				properties.getPassword(), token(properties.getToken()), properties.getBaseUrl(),
				new WaveHttpSettings(http.getConnectTimeout(), http.getResponseTimeout(), http.getMaxInMemorySize(),
						sslBundle, http.getSslBundle(), proxy));
	}

	private static ClientRegistration registration(WaveProperties properties) {
		return ClientRegistration.withRegistrationId(properties.getRegistrationId())
			.clientName("Alphaus Wave")
			.clientId(properties.getClientId())
			.clientSecret(properties.getClientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(properties.getGrantType().authorizationGrantType())
			.scope(properties.getScope())
			.tokenUri(properties.getTokenUri().toString())
			.build();
	}

	private static WaveTokenManager.Settings token(WaveProperties.Token token) {
		return new WaveTokenManager.Settings(token.getTimeout(), token.getMaxAttempts(), token.getRetryBackoff(),
				token.getDefaultExpiresIn(), token.getClockSkew(), token.getForcedRenewalInterval(),
				token.isUseRefreshToken());
	}

	private static @Nullable SslBundle sslBundle(@Nullable String name, @Nullable SslBundles sslBundles,
			List<Problem> problems) {
		if (!StringUtils.hasText(name)) {
			return null;
		}
		String define = "Define the bundle with spring.ssl.bundle.jks." + name + ".* or spring.ssl.bundle.pem." + name
				+ ".*, ";
		if (sslBundles == null) {
			problems.add(new Problem("wave.http.ssl-bundle",
					"names the SSL bundle '" + name + "', but the application has no SSL bundles",
					define + "or remove wave.http.ssl-bundle"));
			return null;
		}
		try {
			return sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			problems.add(new Problem("wave.http.ssl-bundle",
					"names the SSL bundle '" + name + "', which does not exist (known bundles: "
							+ sslBundles.getBundleNames() + ")",
					define + "or set wave.http.ssl-bundle to an existing bundle"));
			return null;
		}
	}

	private static @Nullable WaveProxy proxy(WaveProperties.Proxy proxy, Function<String, @Nullable String> environment,
			List<Problem> problems) {
		String host = proxy.getHost();
		if (StringUtils.hasText(host)) {
			Integer port = proxy.getPort();
			if (port == null || port < 1 || port > 65535) {
				problems.add(new Problem("wave.http.proxy.port",
						"is " + ((port != null) ? "'" + port + "', not a valid port" : "not set")
								+ " while wave.http.proxy.host is set",
						"Set wave.http.proxy.port to the proxy's port"));
				return null;
			}
			return new WaveProxy(host.trim(), port, emptyToNull(proxy.getUsername()), emptyToNull(proxy.getPassword()),
					emptyToNull(proxy.getNonProxyHosts()));
		}
		if (proxy.isFromEnv()) {
			try {
				WaveProxy fromEnv = WaveProxy.fromEnvironment(environment);
				String nonProxyHosts = proxy.getNonProxyHosts();
				if (fromEnv != null && StringUtils.hasText(nonProxyHosts)) {
					return new WaveProxy(fromEnv.host(), fromEnv.port(), fromEnv.username(), fromEnv.password(),
							nonProxyHosts);
				}
				return fromEnv;
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem("wave.http.proxy.from-env", "is true, but " + ex.getMessage(),
						"Set HTTPS_PROXY to http://[user:password@]host:port, or set wave.http.proxy.host and "
								+ "wave.http.proxy.port instead"));
			}
		}
		return null;
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value : null;
	}

}
