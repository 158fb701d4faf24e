package io.github.wavestarter.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The one HTTP client under the Wave clients: the {@link ClientHttpConnector} that the
 * token endpoint client and {@code waveWebClient} share, the
 * {@link ClientHttpRequestFactory} of {@code waveRestClient} on the same connection pool,
 * and their application to the clients' builders. It is built on Reactor Netty
 * ({@link WaveReactorConnector}) or on the JDK {@code HttpClient}
 * ({@link WaveJdkConnector}), as {@code wave.http.connector} resolves.
 * <p>
 * Either way the connector never follows a redirect, whatever
 * {@code spring.http.clients.redirects} or the application's builders say: a redirect of
 * the token endpoint would send the client secret (and the user's password) to the
 * {@code Location}, and one of the Blue API would carry the token wherever it points on
 * the same host. A 3xx answer reaches the caller as it is. Nor does it wiretap (which
 * would log the multipart body with the client secret, and the {@code Authorization}
 * header); and the builders it is applied to never log request details, whatever
 * {@code spring.http.codecs.log-request-details} says.
 */
final class WaveConnector implements AutoCloseable {

	private final ClientHttpConnector connector;

	private final ClientHttpRequestFactory requestFactory;

	private final @Nullable DataSize maxInMemorySize;

	private final @Nullable AutoCloseable resources;

	WaveConnector(ClientHttpConnector connector, ClientHttpRequestFactory requestFactory,
			@Nullable DataSize maxInMemorySize, @Nullable AutoCloseable resources) {
		this.connector = connector;
		this.requestFactory = requestFactory;
		this.maxInMemorySize = maxInMemorySize;
		this.resources = resources;
	}

	/**
	 * Applies the request factory to a {@code RestClient} builder.
	 * @param builder the builder of {@code waveRestClient}
	 * @return the same builder
	 */
	RestClient.Builder apply(RestClient.Builder builder) {
		return builder.requestFactory(this.requestFactory);
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

	/**
	 * Releases what the connector holds beyond its connection pool (the JDK connector's
	 * read-timeout alarms); the Reactor Netty pool is closed by
	 * {@link WaveConnectionPool}. {@link WaveConnectors} closes every connector with the
	 * application.
	 */
	@Override
	public void close() throws Exception {
		if (this.resources != null) {
			this.resources.close();
		}
	}

}
