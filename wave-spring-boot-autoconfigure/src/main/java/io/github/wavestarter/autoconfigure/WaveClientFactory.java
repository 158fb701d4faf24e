package io.github.wavestarter.autoconfigure;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.wavestarter.client.WaveRestClientCustomizer;
import io.github.wavestarter.client.WaveTokenEndpointClientCustomizer;
import io.github.wavestarter.client.WaveWebClientCustomizer;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.github.wavestarter.token.WaveTokenManager;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds what each Wave client is made of, alike for the client of {@code wave.*} (the
 * beans {@code waveTokenManager}, {@code waveWebClient} and {@code waveRestClient}) and
 * for the named ones of {@link WaveClientRegistry}: a token manager on the token endpoint
 * client of its connector, and the two Blue API clients, from Boot's builders, with the
 * customizers applied.
 */
final class WaveClientFactory {

	private final WaveConnectors connectors;

	private final Memo<WebClient.Builder> webClientBuilder;

	private final Memo<RestClient.Builder> restClientBuilder;

	private final List<WaveTokenEndpointClientCustomizer> tokenEndpointCustomizers;

	private final List<WaveWebClientCustomizer> webClientCustomizers;

	private final List<WaveRestClientCustomizer> restClientCustomizers;

	private final JsonMapper jsonMapper;

	private final ObservationRegistry observationRegistry;

	private final Clock clock;

	private final Map<WaveConnector, WebClient> tokenEndpointClients = new ConcurrentHashMap<>();

	WaveClientFactory(WaveConnectors connectors, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<WaveTokenEndpointClientCustomizer> tokenEndpointCustomizers,
			ObjectProvider<WaveWebClientCustomizer> webClientCustomizers,
			ObjectProvider<WaveRestClientCustomizer> restClientCustomizers, JsonMapper jsonMapper,
			ObservationRegistry observationRegistry, Clock clock) {
		// resolved once, each builder at its first use (an application that only uses
		// waveRestClient never loads WebClient's), and never under a lock of ours
		this.connectors = connectors;
		this.webClientBuilder = new Memo<>(() -> webClientBuilder.getIfAvailable(WebClient::builder));
		this.restClientBuilder = new Memo<>(() -> restClientBuilder.getIfAvailable(RestClient::builder));
		this.tokenEndpointCustomizers = tokenEndpointCustomizers.orderedStream().toList();
		this.webClientCustomizers = webClientCustomizers.orderedStream().toList();
		this.restClientCustomizers = restClientCustomizers.orderedStream().toList();
		this.jsonMapper = jsonMapper;
		this.observationRegistry = observationRegistry;
		this.clock = clock;
	}

	/**
	 * The token manager of a client.
	 * @param registration its registration
	 * @param settings its settings (user, token settings, HTTP settings)
	 * @param clientTag the value of its metrics' {@code wave.client} tag
	 * @return the manager
	 */
	WaveTokenManager tokenManager(ClientRegistration registration, WaveSettings settings, String clientTag) {
		WaveConnector connector = this.connectors.get(settings.http());
		WebClient tokenEndpoint = this.tokenEndpointClients.get(connector);
		if (tokenEndpoint == null) {
			WebClient built = tokenEndpointClient(connector);
			tokenEndpoint = this.tokenEndpointClients.putIfAbsent(connector, built);
			tokenEndpoint = (tokenEndpoint != null) ? tokenEndpoint : built;
		}
		return WaveTokenManager.builder(registration, tokenEndpoint, settings.token())
			.user(settings.username(), settings.password())
			.jsonMapper(this.jsonMapper)
			.observationRegistry(this.observationRegistry)
			.clock(this.clock)
			.clientTag(clientTag)
			.build();
	}

	private WebClient tokenEndpointClient(WaveConnector connector) {
		WebClient.Builder builder = connector.apply(this.webClientBuilder.get().clone());
		this.tokenEndpointCustomizers.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/**
	 * What makes a client of these settings a Wave client.
	 * @param settings the client's settings
	 * @param tokens its token provider
	 * @param clientTag the value of its metrics' {@code wave.client} tag
	 * @return the setup
	 */
	WaveClientSetup setup(WaveSettings settings, WaveAccessTokenProvider tokens, String clientTag) {
		return new WaveClientSetup(settings, this.connectors.get(settings.http()), tokens, this.jsonMapper,
				this.observationRegistry, clientTag);
	}

	/**
	 * A Blue API {@code WebClient}.
	 * @param setup the client's setup
	 * @return the client
	 */
	WebClient webClient(WaveClientSetup setup) {
		WebClient.Builder builder = setup.configure(this.webClientBuilder.get().clone()).baseUrl(setup.baseUrl());
		this.webClientCustomizers.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/**
	 * A Blue API {@code RestClient}.
	 * @param setup the client's setup
	 * @return the client
	 */
	RestClient restClient(WaveClientSetup setup) {
		RestClient.Builder builder = setup.configure(this.restClientBuilder.get().clone()).baseUrl(setup.baseUrl());
		this.restClientCustomizers.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

}
