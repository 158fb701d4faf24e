package io.github.wavestarter.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The HTTP side of the Wave clients, imported by {@link WaveAutoConfiguration}: the one
 * {@link WaveConnector} built from {@code wave.http.*}, on Reactor Netty (in the
 * starter's own {@link WaveConnectionPool}, on the application's event loops) or on the
 * JDK {@code HttpClient}, as {@code wave.http.connector} resolves. The starter brings no
 * HTTP library: which one the application's own clients detect is left as it is, and
 * neither bean is of a type that Boot's HTTP client auto-configurations look for.
 */
@Configuration(proxyBeanMethods = false)
class WaveHttpConfiguration {

	/**
	 * The connectors, one per distinct {@code http.*} settings, created with the first
	 * Wave client.
	 */
	@Bean
	@Lazy
	WaveConnectors waveConnectors(ObjectProvider<WaveConnectionPool> connectionPool,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings) {
		return new WaveConnectors(connectionPool, connectorBuilder, requestFactoryBuilder,
				httpClientSettings.getIfAvailable());
	}

	/**
	 * The connector of the client of {@code wave.*}.
	 */
	@Bean(destroyMethod = "")
	@Lazy
	WaveConnector waveConnector(WaveSettings settings, WaveConnectors connectors) {
		return connectors.get(settings.http());
	}

	/**
	 * Reactor Netty's part, only where it is on the classpath: the starter's connection
	 * pool, closed before the event loops stop.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = WavePropertiesMapper.REACTOR_NETTY_CLIENT)
	static class ReactorNetty {

		@Bean
		WaveConnectionPool waveConnectionPool(ObjectProvider<ReactorResourceFactory> reactorResourceFactory) {
			ReactorResourceFactory resources = reactorResourceFactory.getIfAvailable();
			return new WaveConnectionPool((resources != null) ? resources.getLoopResources() : null);
		}

	}

}
