package io.github.wavestarter.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.util.Assert;

/**
 * The connectors of the Wave clients, one per distinct {@link WaveHttpSettings}: clients
 * whose {@code http.*} settings are those of {@code wave.http.*} share one connector and
 * its connection pool; a named client with settings of its own gets its own connector (on
 * Reactor Netty, still on the starter's one connection pool). Closed with the
 * application.
 */
final class WaveConnectors implements DisposableBean {

	private final @Nullable WaveConnectionPool connectionPool;

	private final @Nullable ClientHttpConnectorBuilder<?> connectorBuilder;

	private final @Nullable ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder;

	private final @Nullable HttpClientSettings defaults;

	private final Map<WaveHttpSettings, WaveConnector> connectors = new ConcurrentHashMap<>();

	WaveConnectors(ObjectProvider<WaveConnectionPool> connectionPool,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			@Nullable HttpClientSettings defaults) {
		// resolved once: connectors are built at first use, on any thread, and must not
		// call into the bean factory then
		this.connectionPool = connectionPool.getIfAvailable();
		this.connectorBuilder = connectorBuilder.getIfAvailable();
		this.requestFactoryBuilder = requestFactoryBuilder.getIfAvailable();
		this.defaults = defaults;
	}

	/**
	 * The connector for some HTTP settings, built at the first request for them.
	 * @param http the settings
	 * @return the connector
	 */
	WaveConnector get(WaveHttpSettings http) {
		WaveConnector connector = this.connectors.get(http);
		if (connector != null) {
			return connector;
		}
		WaveConnector created = create(http);
		connector = this.connectors.putIfAbsent(http, created);
		if (connector == null) {
			return created;
		}
		// another thread built one first
		try {
			created.close();
		}
		catch (Exception ex) {
			// nothing was used yet
		}
		return connector;
	}

	private WaveConnector create(WaveHttpSettings http) {
		return switch (http.connector()) {
			case REACTOR -> {
				WaveConnectionPool pool = this.connectionPool;
				Assert.state(pool != null, "wave.http.connector resolved to Reactor Netty, but there is no Wave pool");
				yield WaveReactorConnector.create(http, this.connectorBuilder, this.requestFactoryBuilder,
						this.defaults, pool);
			}
			case JDK, AUTO -> WaveJdkConnector.create(http, this.defaults);
		};
	}

	@Override
	public void destroy() throws Exception {
		for (WaveConnector connector : this.connectors.values()) {
			connector.close();
		}
	}

}
