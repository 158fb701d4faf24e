package io.github.wavestarter.http;

import org.jspecify.annotations.Nullable;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Applies {@code wave.http.*} to a {@link WebClient.Builder}: the Wave connector (its own
 * connection pool, with the timeouts, SSL bundle and proxy) and the in-memory body limit.
 * The same connector instance is applied to the token endpoint client and to
 * {@code waveWebClient}. Request details (headers, form and multipart parts) are never
 * logged by these clients, whatever {@code spring.http.codecs.log-request-details} says.
 */
public final class WaveHttpClientConfigurer {

	/** Leaves builders as they are (for a replaced configuration that builds none). */
	public static final WaveHttpClientConfigurer NONE = new WaveHttpClientConfigurer(WaveHttpClientSettings.NONE, null);

	private final WaveHttpClientSettings settings;

	private final @Nullable ClientHttpConnector connector;

	/**
	 * Creates a configurer.
	 * @param settings the settings
	 * @param connector the connector to apply, or {@code null} to keep the builder's
	 */
	public WaveHttpClientConfigurer(WaveHttpClientSettings settings, @Nullable ClientHttpConnector connector) {
		this.settings = settings;
		this.connector = connector;
	}

	/**
	 * Applies the settings to a builder.
	 * @param builder the builder (of the token endpoint client or of
	 * {@code waveWebClient})
	 * @return the same builder
	 */
	public WebClient.Builder configure(WebClient.Builder builder) {
		if (this.connector != null) {
			builder.clientConnector(this.connector);
		}
		if (this.settings.maxInMemorySize() != null) {
			int limit = (int) Math.min(Integer.MAX_VALUE, this.settings.maxInMemorySize().toBytes());
			builder.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(limit));
		}
		// spring.http.codecs.log-request-details would log the multipart parts (the
		// client secret) and the Authorization header at TRACE
		builder.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(false));
		return builder;
	}

	/**
	 * The connector shared by the Wave clients.
	 * @return the connector, or {@code null} when the application's is used
	 */
	public @Nullable ClientHttpConnector getConnector() {

		return this.connector;
	}

	/**
	 * The settings applied.
	 * @return the settings
	 */
	public WaveHttpClientSettings getSettings() {
		return this.settings;
	}

}
