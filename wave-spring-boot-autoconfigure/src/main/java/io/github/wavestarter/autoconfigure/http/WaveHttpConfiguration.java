package io.github.wavestarter.autoconfigure.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.wavestarter.autoconfigure.WaveProperties;
import io.github.wavestarter.autoconfigure.WavePropertiesValidator;
import io.github.wavestarter.autoconfigure.diagnostics.InvalidWaveConfigurationException;
import io.github.wavestarter.autoconfigure.diagnostics.InvalidWaveConfigurationException.Problem;
import io.github.wavestarter.http.WaveClientHttpConnectorFactory;
import io.github.wavestarter.http.WaveHttpClientConfigurer;
import io.github.wavestarter.http.WaveHttpClientSettings;
import io.github.wavestarter.http.WaveProxy;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.util.StringUtils;

/**
 * Turns {@code wave.http.*} into the {@link WaveHttpClientConfigurer} that the Wave
 * auto-configuration applies to the token endpoint client and to {@code waveWebClient}:
 * one connector on the starter's own {@link WaveConnectionPool}, on the application's
 * event loops. Imported by {@code WaveAutoConfiguration}. Invalid settings (a timeout or
 * size of zero or less, an unknown SSL bundle, a proxy without port, an unusable
 * {@code HTTPS_PROXY}) fail startup with an {@link InvalidWaveConfigurationException}
 * naming the property.
 */
@Configuration(proxyBeanMethods = false)
public class WaveHttpConfiguration {

	@Bean
	WaveConnectionPool waveConnectionPool() {
		return new WaveConnectionPool();
	}

	@Bean
	@ConditionalOnMissingBean
	WaveHttpClientConfigurer waveHttpClientConfigurer(WaveProperties properties, Environment environment,
			WaveConnectionPool connectionPool, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ReactorResourceFactory> reactorResourceFactory) {
		WaveHttpClientSettings settings = settings(properties.getHttp(), sslBundles.getIfAvailable(), environment);
		ReactorClientHttpConnectorBuilder builder = (connectorBuilder
			.getIfAvailable() instanceof ReactorClientHttpConnectorBuilder reactor) ? reactor : null;
		ReactorResourceFactory resources = reactorResourceFactory.getIfAvailable();
		WaveClientHttpConnectorFactory connectorFactory = new WaveClientHttpConnectorFactory(builder,
				httpClientSettings.getIfAvailable(), connectionPool.connections(),
				(resources != null) ? resources.getLoopResources() : null);
		return new WaveHttpClientConfigurer(settings, connectorFactory.create(settings));
	}

	/**
	 * Reads and checks {@code wave.http.*}.
	 * @param http the properties
	 * @param sslBundles the application's SSL bundles, or {@code null}
	 * @param environment the environment: the properties as written, and environment
	 * variables ({@code HTTPS_PROXY}, {@code NO_PROXY})
	 * @return the settings
	 * @throws InvalidWaveConfigurationException when a setting cannot work
	 */
	static WaveHttpClientSettings settings(WaveProperties.Http http, @Nullable SslBundles sslBundles,
			Environment environment) {
		List<Problem> problems = new ArrayList<>();
		WavePropertiesValidator.checkHttp(http, WavePropertiesValidator.typedValues(environment), problems);
		SslBundle sslBundle = sslBundle(http.getSslBundle(), sslBundles, problems);
		WaveProxy proxy = proxy(http.getProxy(), environment::getProperty, problems);
		if (!problems.isEmpty()) {
			throw new InvalidWaveConfigurationException(problems);
		}
		return new WaveHttpClientSettings(http.getConnectTimeout(), http.getResponseTimeout(),
				http.getMaxInMemorySize(), sslBundle, http.getSslBundle(), proxy);
	}

	private static @Nullable SslBundle sslBundle(@Nullable String name, @Nullable SslBundles sslBundles,
			List<Problem> problems) {
		if (!StringUtils.hasText(name)) {
			return null;
		}
		if (sslBundles == null) {
			problems.add(new Problem("wave.http.ssl-bundle",
					"names the SSL bundle '" + name + "', but the application has no SSL bundles",
					"Define the bundle with spring.ssl.bundle.jks." + name + ".* or spring.ssl.bundle.pem." + name
							+ ".*, or remove wave.http.ssl-bundle"));
			return null;
		}
		try {
			return sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			problems.add(new Problem("wave.http.ssl-bundle",
					"names the SSL bundle '" + name + "', which does not exist (known bundles: "
							+ sslBundles.getBundleNames() + ")",
					"Define the bundle with spring.ssl.bundle.jks." + name + ".* or spring.ssl.bundle.pem." + name
							+ ".*, or set wave.http.ssl-bundle to an existing bundle"));
			return null;
		}
	}

	private static @Nullable WaveProxy proxy(WaveProperties.Proxy proxy, Function<String, @Nullable String> environment,
			List<Problem> problems) {
		if (StringUtils.hasText(proxy.getHost())) {
			if (proxy.getPort() == null || proxy.getPort() < 1 || proxy.getPort() > 65535) {
				problems.add(new Problem("wave.http.proxy.port",
						"is " + ((proxy.getPort() != null) ? "'" + proxy.getPort() + "', not a valid port" : "not set")
								+ " while wave.http.proxy.host is set",
						"Set wave.http.proxy.port to the proxy's port"));
				return null;
			}
			return new WaveProxy(proxy.getHost().trim(), proxy.getPort(), emptyToNull(proxy.getUsername()),
					emptyToNull(proxy.getPassword()), emptyToNull(proxy.getNonProxyHosts()));
		}
		if (proxy.isFromEnv()) {
			try {
				WaveProxy fromEnv = WaveProxy.fromEnvironment(environment);
				if (fromEnv != null && StringUtils.hasText(proxy.getNonProxyHosts())) {
					return new WaveProxy(fromEnv.host(), fromEnv.port(), fromEnv.username(), fromEnv.password(),
							proxy.getNonProxyHosts());
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
