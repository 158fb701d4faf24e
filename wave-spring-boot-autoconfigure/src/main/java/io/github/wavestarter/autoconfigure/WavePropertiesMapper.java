package io.github.wavestarter.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.github.wavestarter.autoconfigure.InvalidWaveConfigurationException.Problem;
import io.github.wavestarter.autoconfigure.WaveProperties.Connector;
import io.github.wavestarter.token.WaveTokenManager;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Turns {@link WaveProperties} into {@link WaveSettings}: the one place where the
 * {@code wave.*} configuration is read and checked. Every problem (credentials, URLs,
 * durations, sizes, SSL bundle, proxy) is collected first and reported together in one
 * {@link InvalidWaveConfigurationException}, so that two mistakes cost one failed start,
 * not two.
 */
final class WavePropertiesMapper {

	/** A class of Reactor Netty's HTTP client, told apart from the rest of Reactor. */
	static final String REACTOR_NETTY_CLIENT = "reactor.netty.http.client.HttpClient";

	/** The JDK's list of authentication schemes refused for proxy tunnels. */
	static final String JDK_TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

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
			boolean registrationFromProperties, @Nullable ClassLoader classLoader) {
		List<Problem> problems = new ArrayList<>();
		WavePropertiesValidator.check(properties, environment, registrationFromProperties, problems);
		WaveProperties.Http http = properties.getHttp();
		SslBundle sslBundle = sslBundle(http.getSslBundle(), sslBundles, problems);
		WaveProxy proxy = proxy(http.getProxy(), environment::getProperty, problems);
		Connector connector = connector(http.getConnector(), classLoader, problems);
		if (connector == Connector.JDK && proxy != null) {
			checkJdkProxyAuthentication(proxy, properties, System.getProperty(JDK_TUNNELING_DISABLED_SCHEMES),
					problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidWaveConfigurationException(problems);
		}
		return new WaveSettings(registrationFromProperties ? registration(properties) : null, properties.getUsername(),
				properties.getPassword(), token(properties.getToken()), properties.getBaseUrl(),
				new WaveHttpSettings(connector, http.getConnectTimeout(), http.getResponseTimeout(),
						http.getMaxInMemorySize(), sslBundle, http.getSslBundle(), proxy));
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

	/**
	 * Resolves {@code wave.http.connector}: {@link Connector#AUTO} becomes Reactor Netty
	 * when the application has it, the JDK {@code HttpClient} otherwise.
	 */
	static Connector connector(Connector requested, @Nullable ClassLoader classLoader, List<Problem> problems) {
		boolean reactorPresent = ClassUtils.isPresent(REACTOR_NETTY_CLIENT, classLoader);
		if (requested == Connector.REACTOR && !reactorPresent) {
			problems.add(new Problem("wave.http.connector", "is 'reactor', but Reactor Netty is not on the classpath",
					"Add io.projectreactor.netty:reactor-netty-http to the application, or set "
							+ "wave.http.connector to 'auto' or 'jdk'"));
			return Connector.JDK;
		}
		if (requested == Connector.AUTO) {
			return reactorPresent ? Connector.REACTOR : Connector.JDK;
		}
		return requested;
	}

	/**
	 * The JDK {@code HttpClient} refuses Basic proxy authentication for HTTPS tunnels
	 * unless the JVM allows it ({@code jdk.http.auth.tunneling.disabledSchemes}, which is
	 * {@code Basic} by default): with a proxy user name and an https URL, every request
	 * would fail with 407 at run time, so it fails here, at start-up.
	 */
	static void checkJdkProxyAuthentication(WaveProxy proxy, WaveProperties properties,
			@Nullable String disabledSchemes, List<Problem> problems) {
		boolean https = "https".equalsIgnoreCase(properties.getTokenUri().getScheme())
				|| "https".equalsIgnoreCase(properties.getBaseUrl().getScheme());
		String disabled = (disabledSchemes != null) ? disabledSchemes : "Basic";
		boolean basicDisabled = Arrays.stream(disabled.split(","))
			.anyMatch((scheme) -> scheme.trim().equalsIgnoreCase("Basic"));
		if (proxy.username() != null && https && basicDisabled) {
			String property = (properties.getHttp().getProxy().getHost() != null) ? "wave.http.proxy.username"
					: "wave.http.proxy.from-env";
			problems.add(new Problem(property,
					"sets a proxy user, but the Wave clients run on the JDK HttpClient, which refuses Basic proxy "
							+ "authentication for HTTPS tunnels (" + JDK_TUNNELING_DISABLED_SCHEMES + "=" + disabled
							+ ")",
					"Add io.projectreactor.netty:reactor-netty-http to the application (the Wave clients then run on "
							+ "Reactor Netty), or start the JVM with -D" + JDK_TUNNELING_DISABLED_SCHEMES + "="));
		}
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value : null;
	}

}
