package io.github.wavestarter.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The HTTP side of the Wave clients, imported by {@link WaveAutoConfiguration}: the
 * starter's own {@link WaveConnectionPool} and the one {@link WaveConnector} built from
 * {@code wave.http.*} on it, on the application's event loops. Neither is a bean type
 * that Boot's own HTTP client auto-configurations look for, so the application's clients
 * keep theirs.
 */
@Configuration(proxyBeanMethods = false)
class WaveHttpConfiguration {

	@Bean
	WaveConnectionPool waveConnectionPool() {
		return new WaveConnectionPool();
	}

	@Bean
	WaveConnector waveConnector(WaveSettings settings, WaveConnectionPool connectionPool,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ReactorResourceFactory> reactorResourceFactory) {
		ReactorClientHttpConnectorBuilder builder = (connectorBuilder
			.getIfAvailable() instanceof ReactorClientHttpConnectorBuilder reactor) ? reactor : null;
		ReactorResourceFactory resources = reactorResourceFactory.getIfAvailable();
		return WaveConnector.create(settings.http(), builder, httpClientSettings.getIfAvailable(),
				connectionPool.connections(), (resources != null) ? resources.getLoopResources() : null);
	}

}
