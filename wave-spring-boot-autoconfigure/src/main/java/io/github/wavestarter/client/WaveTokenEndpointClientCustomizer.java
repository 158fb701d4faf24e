package io.github.wavestarter.client;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient} that posts token requests to {@code wave.token-uri},
 * and no other client. Use it for what the token endpoint alone needs: a header your
 * network's egress requires, a filter that records timings, another connector. Beans of
 * this type are applied in {@link org.springframework.core.annotation.Order} order, after
 * the starter's own settings ({@code wave.http.*}: Wave's connector, which follows no
 * redirect, and its codec limits). A customizer that sets another connector takes over
 * its guarantees: see the README's section on redirects.
 */
@FunctionalInterface
public interface WaveTokenEndpointClientCustomizer {

	/**
	 * Customizes the builder of the token endpoint client.
	 * @param builder the builder
	 */
	void customize(WebClient.Builder builder);

}
