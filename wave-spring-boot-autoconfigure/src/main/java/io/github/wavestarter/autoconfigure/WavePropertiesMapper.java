package io.github.wavestarter.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.github.wavestarter.autoconfigure.InvalidWaveConfigurationException.Problem;
import io.github.wavestarter.autoconfigure.WaveProperties.Connector;
import io.github.wavestarter.client.WaveApiCalls;
import io.github.wavestarter.client.WaveClients;
import io.github.wavestarter.client.WaveCredentials;
import io.github.wavestarter.token.WaveGrantType;
import io.github.wavestarter.token.WaveTokenManager;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
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

	static final String CLIENTS_PREFIX = "wave.clients.";

	/** What a named client may be called: letters, digits and '-'. */
	static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9-]+");

	/** The properties a named client has of its own, as {@code wave.*} names. */
	private static final Pattern CLIENT_SCOPED = Pattern.compile(
			"\\bwave\\.((?:client-id|client-secret|grant-type|username|password|scope|token-uri|base-url|token\\.[a-z-]+|http\\.[a-z.-]*[a-z]|api\\.[a-z.-]*[a-z])\\b)");

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
		Map<String, WaveSettings> clients = new LinkedHashMap<>();
		for (String name : properties.getClients().keySet()) {
			WaveSettings client = namedClient(name, environment, sslBundles, classLoader, problems);
			if (client != null) {
				clients.put(name, client);
			}
		}
		WaveSettings settings = settings(properties, registrationFromProperties, environment, sslBundles, classLoader,
				problems, clients);
		if (settings == null || !problems.isEmpty()) {
			throw new InvalidWaveConfigurationException(problems);
		}
		return settings;
	}

	/**
	 * The settings of one client from its properties, with the problems of its HTTP
	 * settings added.
	 * @return the settings, or {@code null} when there are problems
	 */
	private static @Nullable WaveSettings settings(WaveProperties properties, boolean registration,
			Environment environment, @Nullable SslBundles sslBundles, @Nullable ClassLoader classLoader,
			List<Problem> problems, Map<String, WaveSettings> clients) {
		WaveProperties.Http http = properties.getHttp();
		SslBundle sslBundle = sslBundle(http.getSslBundle(), sslBundles, problems);
		WaveProxy proxy = proxy(http.getProxy(), environment::getProperty, problems);
		Connector connector = connector(http.getConnector(), classLoader, problems);
		if (connector == Connector.JDK && proxy != null) {
			checkJdkProxyAuthentication(proxy, properties, System.getProperty(JDK_TUNNELING_DISABLED_SCHEMES),
					problems);
		}
		if (!problems.isEmpty()) {
			return null;
		}
		return new WaveSettings(registration ? registration(properties) : null, properties.getUsername(),
				properties.getPassword(), token(properties.getToken()), properties.getBaseUrl(),
				new WaveHttpSettings(connector, http.getConnectTimeout(), http.getResponseTimeout(),
						http.getMaxInMemorySize(), sslBundle, http.getSslBundle(), proxy),
				api(properties.getApi()), clients);
	}

	/**
	 * Maps and checks the named client {@code wave.clients.<name>.*}: its own
	 * credentials, and {@code wave.*} for every other key it leaves unset. Its problems
	 * name its own properties.
	 * @return its settings, or {@code null} when it has problems
	 */
	static @Nullable WaveSettings namedClient(String name, Environment environment, @Nullable SslBundles sslBundles,
			@Nullable ClassLoader classLoader, List<Problem> problems) {
		String prefix = CLIENTS_PREFIX + name;
		if (!CLIENT_NAME.matcher(name).matches()) {
			problems.add(new Problem(prefix, "has the name '" + name + "', which is not letters, digits and '-' only",
					"Rename the client, for example wave.clients.customer-1.*"));
			return null;
		}
		if (WaveClients.DEFAULT.equals(name)) {
			problems.add(new Problem(prefix, "uses the name of the client configured with wave.*",
					"Choose another name; '" + WaveClients.DEFAULT + "' is reserved"));
			return null;
		}
		WaveProperties effective = effectiveProperties(name, environment);
		List<Problem> own = new ArrayList<>();
		Function<String, @Nullable String> written = WavePropertiesValidator.typedValues(environment);
		WavePropertiesValidator.checkNamedClient(effective, (key) -> {
			String value = written.apply(ofClient(key, name));
			return (value != null) ? value : written.apply(key);
		}, own);
		WaveSettings settings = own.isEmpty()
				? settings(effective, true, environment, sslBundles, classLoader, own, Map.of()) : null;
		List<String> reported = problems.stream().map(Problem::property).toList();
		for (Problem problem : own) {
			String property = ofClient(problem.property(), name);
			// a value taken from wave.* is reported once, under its own name
			boolean inherited = reported.contains(problem.property()) && written.apply(property) == null;
			if (!inherited) {
				problems.add(
						new Problem(property, ofClient(problem.description(), name), ofClient(problem.action(), name)));
			}
		}
		return settings;
	}

	/**
	 * The properties of a named client: {@code wave.*} without the credentials (and with
	 * the client_credentials grant), overlaid with {@code wave.clients.<name>.*}.
	 */
	static WaveProperties effectiveProperties(String name, Environment environment) {
		Binder binder = Binder.get(environment);
		WaveProperties effective = new WaveProperties();
		binder.bind("wave", Bindable.ofInstance(effective));
		effective.setClientId(null);
		effective.setClientSecret(null);
		effective.setUsername(null);
		effective.setPassword(null);
		effective.setGrantType(WaveGrantType.CLIENT_CREDENTIALS);
		effective.setRegistrationId(name);
		binder.bind(CLIENTS_PREFIX + name, Bindable.ofInstance(effective));
		effective.getClients().clear();
		return effective;
	}

	/**
	 * The settings of a client registered at run time: its credentials, and the rest of
	 * the client of {@code wave.*}.
	 * @param name the client's name, its registration id
	 * @param credentials its credentials
	 * @param properties the properties of {@code wave.*}
	 * @param defaults the settings of the client of {@code wave.*}
	 * @return the settings
	 */
	static WaveSettings runtimeClient(String name, WaveCredentials credentials, WaveProperties properties,
			WaveSettings defaults) {
		ClientRegistration registration = registration(name, credentials.clientId(), credentials.clientSecret(),
				credentials.grantType(), properties);
		return new WaveSettings(registration, credentials.username(), credentials.password(), defaults.token(),
				defaults.baseUrl(), defaults.http(), defaults.api(), Map.of());
	}

	/**
	 * Rewrites the client-scoped {@code wave.*} property names in a text to those of a
	 * named client ({@code wave.token.timeout} becomes
	 * {@code wave.clients.<name>.token.timeout}).
	 */
	static String ofClient(String text, String name) {
		return CLIENT_SCOPED.matcher(text)
			.replaceAll(java.util.regex.Matcher.quoteReplacement(CLIENTS_PREFIX + name) + ".$1");
	}

	private static ClientRegistration registration(WaveProperties properties) {
		return registration(properties.getRegistrationId(), properties.getClientId(), properties.getClientSecret(),
				properties.getGrantType(), properties);
	}

	private static ClientRegistration registration(String registrationId, @Nullable String clientId,
			@Nullable String clientSecret, WaveGrantType grantType, WaveProperties properties) {
		return ClientRegistration.withRegistrationId(registrationId)
			.clientName("Alphaus Wave")
			.clientId(clientId)
			.clientSecret(clientSecret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(grantType.authorizationGrantType())
			.scope(properties.getScope())
			.tokenUri(properties.getTokenUri().toString())
			.build();
	}

	private static WaveTokenManager.Settings token(WaveProperties.Token token) {
		return new WaveTokenManager.Settings(token.getTimeout(), token.getMaxAttempts(), token.getRetryBackoff(),
				token.getDefaultExpiresIn(), token.getClockSkew(), token.getForcedRenewalInterval(),
				token.isUseRefreshToken());
	}

	private static WaveApiCalls.Settings api(WaveProperties.Api api) {
		WaveProperties.Retry retry = api.getRetry();
		return new WaveApiCalls.Settings(api.getMaxRequestsPerSecond(), retry.getMaxAttempts(), retry.getBackoff(),
				retry.getMaxBackoff());
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
