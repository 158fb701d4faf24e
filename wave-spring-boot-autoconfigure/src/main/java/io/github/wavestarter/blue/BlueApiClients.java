package io.github.wavestarter.blue;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Creates Blue API HTTP service clients ({@code @HttpExchange} interfaces such as
 * {@link io.github.wavestarter.blue.api.CostApi}) on top of a {@link WebClient}, with
 * {@link BlueExchangeAdapter} semantics ({@code Flux} = Blue stream, errors =
 * {@link BlueApiException}). <pre class="code">
 * BlueApiClients clients = BlueApiClients.create(waveWebClient, blueStreams);
 * MyExtraApi api = clients.createClient(MyExtraApi.class);
 * </pre>
 */
public final class BlueApiClients {

	private final HttpServiceProxyFactory proxyFactory;

	private BlueApiClients(HttpServiceProxyFactory proxyFactory) {
		this.proxyFactory = proxyFactory;
	}

	/**
	 * Create a factory.
	 * @param webClient the client (typically {@code waveWebClient}, carrying base URL and
	 * auth)
	 * @param streams stream decoder (use the auto-configured bean)
	 * @return the factory
	 */
	public static BlueApiClients create(WebClient webClient, BlueStreams streams) {
		return new BlueApiClients(
				HttpServiceProxyFactory.builderFor(BlueExchangeAdapter.create(webClient, streams)).build());
	}

	/**
	 * Create a client proxy for an {@code @HttpExchange} interface.
	 * @param <S> the interface type
	 * @param serviceType the interface
	 * @return the proxy
	 */
	public <S> S createClient(Class<S> serviceType) {
		return this.proxyFactory.createClient(serviceType);
	}

}
