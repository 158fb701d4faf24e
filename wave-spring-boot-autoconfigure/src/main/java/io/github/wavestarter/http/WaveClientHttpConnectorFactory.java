package io.github.wavestarter.http;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.netty.transport.ProxyProvider;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Builds the one Reactor Netty {@link ClientHttpConnector} that the token endpoint client
 * and {@code waveWebClient} share.
 * <p>
 * It goes through Spring Boot's {@link ReactorClientHttpConnectorBuilder}, so the
 * application's connector builder customizations are kept when it is a Reactor one, and
 * Boot's {@link HttpClientSettings} ({@code spring.http.clients.*}) fill in what
 * {@code wave.http.*} leaves unset. The connections live in the Wave starter's own
 * {@link ConnectionProvider} (closed by the starter before the event loops go down, see
 * {@code WaveConnectionPool}), on the application's event loops. The proxy is applied on
 * the Reactor Netty {@link HttpClient}, as an HTTP {@code CONNECT} proxy with optional
 * basic authentication and non-proxy hosts.
 * <p>
 * The connector never follows a redirect, whatever {@code spring.http.clients.redirects}
 * or the application's connector builder say: a redirect of the token endpoint would send
 * the client secret (and the user's password) to the {@code Location}, and one of the
 * Blue API would carry the token wherever it points on the same host. A 3xx answer
 * reaches the caller as it is. Nor does it wiretap (which would log the multipart body
 * with the client secret, and the {@code Authorization} header), even when the
 * application's connector builder asks for it.
 */
public final class WaveClientHttpConnectorFactory {

	private final ReactorClientHttpConnectorBuilder builder;

	private final HttpClientSettings defaults;

	/**
	 * Creates a factory.
	 * @param builder the Reactor connector builder to start from, or {@code null} for
	 * Boot's default one
	 * @param defaults the application's HTTP client settings, or {@code null}
	 * @param connections the Wave connection pool
	 * @param loops the event loops to run on, or {@code null} for Reactor Netty's global
	 * ones
	 */
	public WaveClientHttpConnectorFactory(@Nullable ReactorClientHttpConnectorBuilder builder,
			@Nullable HttpClientSettings defaults, ConnectionProvider connections, @Nullable LoopResources loops) {

		ReactorClientHttpConnectorBuilder base = (builder != null) ? builder : ClientHttpConnectorBuilder.reactor();
		this.builder = base.withHttpClientFactory(() -> {
			HttpClient client = HttpClient.create(connections);
			return (loops != null) ? client.runOn(loops) : client;
		});
		this.defaults = (defaults != null) ? defaults : HttpClientSettings.defaults();
	}

	/**
	 * Builds a connector with the given settings.
	 * @param settings the Wave HTTP settings
	 * @return the connector
	 */
	public ClientHttpConnector create(WaveHttpClientSettings settings) {
		HttpClientSettings clientSettings = new HttpClientSettings(HttpRedirects.DONT_FOLLOW, settings.connectTimeout(),
				settings.responseTimeout(), settings.sslBundle())
			.orElse(this.defaults);
		ReactorClientHttpConnectorBuilder connectorBuilder = this.builder;
		WaveProxy proxy = settings.proxy();
		if (proxy != null) {
			connectorBuilder = connectorBuilder.withHttpClientCustomizer((httpClient) -> applyProxy(httpClient, proxy));
		}
		// last, after the application's own HttpClient customizers
		return connectorBuilder
			.withHttpClientCustomizer((httpClient) -> httpClient.followRedirect(false).wiretap(false))
			.build(clientSettings);
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
