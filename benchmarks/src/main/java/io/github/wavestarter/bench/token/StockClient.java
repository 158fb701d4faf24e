package io.github.wavestarter.bench.token;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Spring Security's stock reactive client-credentials setup, as documented for use
 * outside a request: {@link AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager}
 * with the default client-credentials provider (60 s clock skew, urlencoded token
 * request) and {@link ServerOAuth2AuthorizedClientExchangeFilterFunction}.
 */
final class StockClient implements BenchClient {

	static final String CLIENT_ID = "stock-client";

	private final WebClient webClient;

	private final ServerOAuth2AuthorizedClientExchangeFilterFunction filter;

	StockClient(LoopbackServers servers) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("wave")
			.clientId(CLIENT_ID)
			.clientSecret(LoopbackServers.CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("openid")
			.tokenUri(servers.tokenUri())
			.build();
		InMemoryReactiveClientRegistrationRepository registrations = new InMemoryReactiveClientRegistrationRepository(
				registration);
		InMemoryReactiveOAuth2AuthorizedClientService clientService = new InMemoryReactiveOAuth2AuthorizedClientService(
				registrations);
		AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
				registrations, clientService);
		manager.setAuthorizedClientProvider(
				ReactiveOAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		ServerOAuth2AuthorizedClientExchangeFilterFunction oauth = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
				manager);
		oauth.setDefaultClientRegistrationId("wave");
		this.filter = oauth;
		this.webClient = WebClient.builder().baseUrl(servers.baseUrl()).filter(oauth).build();
	}

	@Override
	public String clientId() {
		return CLIENT_ID;
	}

	ServerOAuth2AuthorizedClientExchangeFilterFunction filter() {
		return this.filter;
	}

	@Override
	public Mono<Integer> call() {
		return BenchClient.get(this.webClient);
	}

}
