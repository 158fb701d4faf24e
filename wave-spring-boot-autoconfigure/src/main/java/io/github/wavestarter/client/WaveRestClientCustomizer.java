package io.github.wavestarter.client;

import org.springframework.web.client.RestClient;

/**
 * Customizes the {@code waveRestClient} only (unlike Boot's {@code RestClientCustomizer},
 * which applies to every {@code RestClient} built from the application's builder). Beans
 * of this type are applied in {@link org.springframework.core.annotation.Order} order,
 * after the starter's own settings ({@code wave.http.*}, base URL, bearer token
 * interceptor, error mapping).
 */
@FunctionalInterface
public interface WaveRestClientCustomizer {

	/**
	 * Customizes the builder of {@code waveRestClient}.
	 * @param builder the builder
	 */
	void customize(RestClient.Builder builder);

}
