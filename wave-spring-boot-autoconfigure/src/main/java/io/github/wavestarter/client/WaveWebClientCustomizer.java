package io.github.wavestarter.client;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@code waveWebClient} only (unlike Boot's {@code WebClientCustomizer},
 * which applies to every {@code WebClient} built from the application's builder). Beans
 * of this type are applied in {@link org.springframework.core.annotation.Order} order,
 * after the starter's own settings ({@code wave.http.*}, base URL, bearer token filter,
 * error mapping).
 */
@FunctionalInterface
public interface WaveWebClientCustomizer {

	/**
	 * Customizes the builder of {@code waveWebClient}.
	 * @param builder the builder
	 */
	void customize(WebClient.Builder builder);

}
