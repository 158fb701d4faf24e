package io.github.wavestarter.autoconfigure;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.netty.transport.ProxyProvider;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Builds the {@link WaveConnector} on Reactor Netty, for applications that have it.
 * <p>
 * It goes through Spring Boot's {@link ReactorClientHttpConnectorBuilder}, so the
 * application's connector builder customizations are kept when it is a Reactor one, and
 * Boot's {@link HttpClientSettings} ({@code spring.http.clients.*}) fill in what
 * {@code wave.http.*} leaves unset. The connections live in the Wave starter's own
 * {@link ConnectionProvider} (closed by the starter before the event loops go down, see
 * {@link WaveConnectionPool}), on the application's event loops. The proxy is applied on
 * the Reactor Netty {@link HttpClient}, as an HTTP {@code CONNECT} proxy with optional
 * basic authentication and non-proxy hosts. Redirects and wiretap are switched off last,
 * after the application's own customizers.
 */
final class WaveReactorConnector {

	private WaveReactorConnector() {
	}

	/**
	 * Builds the connector and the request factory, both on the Wave connection pool.
	 * @param settings the Wave HTTP settings
	 * @param connectorBuilder the application's connector builder, used when it is a
	 * Reactor one
	 * @param requestFactoryBuilder the application's request factory builder, used when
	 * it is a Reactor one
	 * @param defaults the application's HTTP client settings, or {@code null}
	 * @param pool the Wave connection pool, on the application's event loops
	 * @return the connector
	 */
	static WaveConnector create(WaveHttpSettings settings, @Nullable ClientHttpConnectorBuilder<?> connectorBuilder,
			@Nullable ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder, @Nullable HttpClientSettings defaults,
			WaveConnectionPool pool) {
		ConnectionProvider connections = pool.connections();
		LoopResources loops = pool.loops();
		Supplier<HttpClient> httpClient = () -> {
			HttpClient client = HttpClient.create(connections);
			return (loops != null) ? client.runOn(loops) : client;
		};
		WaveProxy proxy = settings.proxy();
		UnaryOperator<HttpClient> proxied = (client) -> (proxy != null) ? applyProxy(client, proxy) : client;
		// last, after the application's own HttpClient customizers
		UnaryOperator<HttpClient> guarded = (client) -> client.followRedirect(false).wiretap(false);
		HttpClientSettings clientSettings = settings.clientSettings(defaults);
		ReactorClientHttpConnectorBuilder reactorConnector = (connectorBuilder instanceof ReactorClientHttpConnectorBuilder reactor)
				? reactor : ClientHttpConnectorBuilder.reactor();
		ReactorClientHttpRequestFactoryBuilder reactorRequestFactory = (requestFactoryBuilder instanceof ReactorClientHttpRequestFactoryBuilder reactor)
				? reactor : ClientHttpRequestFactoryBuilder.reactor();
		ClientHttpConnector connector = reactorConnector.withHttpClientFactory(httpClient)
			.withHttpClientCustomizer(proxied)
			.withHttpClientCustomizer(guarded)
			.build(clientSettings);
		ClientHttpRequestFactory requestFactory = reactorRequestFactory.withHttpClientFactory(httpClient)
			.withHttpClientCustomizer(proxied)
			.withHttpClientCustomizer(guarded)
			.build(clientSettings);
		return new WaveConnector(connector, requestFactory, settings.maxInMemorySize(), null);
	}

	static HttpClient applyProxy(HttpClient httpClient, WaveProxy proxy) {
		return httpClient.proxy((spec) -> {
			ProxyProvider.Builder builder = spec.type(ProxyProvider.Proxy.HTTP).host(proxy.host()).port(proxy.port());
			if (proxy.username() != null) {
				builder.username(proxy.username());
				String password = proxy.password();
				builder.password((username) -> (password != null) ? password : "");
			}
			if (proxy.nonProxyHosts() != null) {
				builder.nonProxyHosts(proxy.nonProxyHosts());
			}
		});
	}

}
