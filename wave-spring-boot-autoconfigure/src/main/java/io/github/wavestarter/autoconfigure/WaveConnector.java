package io.github.wavestarter.autoconfigure;

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
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The one Reactor Netty {@link ClientHttpConnector} that the token endpoint client and
 * {@code waveWebClient} share, and its application to their builders
 * ({@link #apply(WebClient.Builder)}).
 * <p>
 * It goes through Spring Boot's {@link ReactorClientHttpConnectorBuilder}, so the
 * application's connector builder customizations are kept when it is a Reactor one, and
 * Boot's {@link HttpClientSettings} ({@code spring.http.clients.*}) fill in what
 * {@code wave.http.*} leaves unset. The connections live in the Wave starter's own
 * {@link ConnectionProvider} (closed by the starter before the event loops go down, see
 * {@link WaveConnectionPool}), on the application's event loops. The proxy is applied on
 * the Reactor Netty {@link HttpClient}, as an HTTP {@code CONNECT} proxy with optional
 * basic authentication and non-proxy hosts.
 * <p>
 * The connector never follows a redirect, whatever {@code spring.http.clients.redirects}
 * or the application's connector builder say: a redirect of the token endpoint would send
 * the client secret (and the user's password) to the {@code Location}, and one of the
 * Blue API would carry the token wherever it points on the same host. A 3xx answer
 * reaches the caller as it is. Nor does it wiretap (which would log the multipart body
 * with the client secret, and the {@code Authorization} header), even when the
 * application's connector builder asks for it; and the builders it is applied to never
 * log request details, whatever {@code spring.http.codecs.log-request-details} says.
 */
final class WaveConnector {

	private final ClientHttpConnector connector;

	private final @Nullable DataSize maxInMemorySize;

	private WaveConnector(ClientHttpConnector connector, @Nullable DataSize maxInMemorySize) {
		this.connector = connector;
		this.maxInMemorySize = maxInMemorySize;
	}

	/**
	 * Builds the connector.
	 * @param settings the Wave HTTP settings
	 * @param builder the Reactor connector builder to start from, or {@code null} for
	 * Boot's default one
	 * @param defaults the application's HTTP client settings, or {@code null}
	 * @param connections the Wave connection pool
	 * @param loops the event loops to run on, or {@code null} for Reactor Netty's global
	 * ones
	 * @return the connector
	 */
	static WaveConnector create(WaveHttpSettings settings, @Nullable ReactorClientHttpConnectorBuilder builder,
			@Nullable HttpClientSettings defaults, ConnectionProvider connections, @Nullable LoopResources loops) {
		ReactorClientHttpConnectorBuilder connectorBuilder = ((builder != null) ? builder
				: ClientHttpConnectorBuilder.reactor())
			.withHttpClientFactory(() -> {
				HttpClient client = HttpClient.create(connections);
				return (loops != null) ? client.runOn(loops) : client;
			});
		HttpClientSettings clientSettings = new HttpClientSettings(HttpRedirects.DONT_FOLLOW, settings.connectTimeout(),
				settings.responseTimeout(), settings.sslBundle())
			.orElse((defaults != null) ? defaults : HttpClientSettings.defaults());
		WaveProxy proxy = settings.proxy();
		if (proxy != null) {
			connectorBuilder = connectorBuilder.withHttpClientCustomizer((httpClient) -> applyProxy(httpClient, proxy));
		}
		// last, after the application's own HttpClient customizers
		ClientHttpConnector connector = connectorBuilder
			.withHttpClientCustomizer((httpClient) -> httpClient.followRedirect(false).wiretap(false))
			.build(clientSettings);
		return new WaveConnector(connector, settings.maxInMemorySize());
	}

	/**
	 * Applies the connector and the codec settings to a builder.
	 * @param builder the builder (of the token endpoint client or of
	 * {@code waveWebClient})
	 * @return the same builder
	 */
	WebClient.Builder apply(WebClient.Builder builder) {
		builder.clientConnector(this.connector);
		DataSize limit = this.maxInMemorySize;
		if (limit != null) {
			builder.codecs((codecs) -> codecs.defaultCodecs()
				.maxInMemorySize((int) Math.min(Integer.MAX_VALUE, limit.toBytes())));
		}
		// spring.http.codecs.log-request-details would log the multipart parts (the
		// client secret) and the Authorization header at TRACE
		builder.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(false));
		return builder;
	}

	/**
	 * The connector shared by the Wave clients.
	 * @return the connector
	 */
	ClientHttpConnector connector() {
		return this.connector;
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
