package io.github.wavestarter.blue;

import java.net.URI;

import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Creates Blue API HTTP service clients ({@code @HttpExchange} interfaces such as
 * {@link io.github.wavestarter.blue.api.CostApi}) on top of a {@link WebClient}: a method
 * returning {@code Flux} reads a Blue server stream (as {@link BlueStreams} does), and a
 * non-2xx answer to any method is a {@link BlueApiException}, whatever the client's own
 * status handlers. Use it for an interface of your own for operations the starter does
 * not type. <pre class="code">
 * BlueApiClients clients = BlueApiClients.create(waveWebClient, blueStreams);
 * MyExtraApi api = clients.createClient(MyExtraApi.class);
 * </pre> The clients describe themselves in {@code toString()}
 * ("{@code CostApi client for
 * https://api.alphaus.cloud/m/blue}"), never with a credential; Spring's own HTTP service
 * proxies throw there.
 */
public final class BlueApiClients {

	private final HttpServiceProxyFactory proxyFactory;

	private final String target;

	private BlueApiClients(HttpServiceProxyFactory proxyFactory, String target) {
		this.proxyFactory = proxyFactory;
		this.target = target;
	}

	/**
	 * Create a factory.
	 * @param webClient the client (typically {@code waveWebClient}, carrying base URL and
	 * auth)
	 * @param streams stream decoder (use the auto-configured bean)
	 * @return the factory
	 */
	public static BlueApiClients create(WebClient webClient, BlueStreams streams) {
		return create(webClient, streams, null);
	}

	/**
	 * Create a factory whose clients name the base URL in {@code toString()}.
	 * @param webClient the client (typically {@code waveWebClient}, carrying base URL and
	 * auth)
	 * @param streams stream decoder (use the auto-configured bean)
	 * @param baseUrl the base URL of {@code webClient}, for descriptions only (its user
	 * info, query and fragment are left out), or {@code null}
	 * @return the factory
	 */
	public static BlueApiClients create(WebClient webClient, BlueStreams streams, @Nullable URI baseUrl) {

		return new BlueApiClients(
				HttpServiceProxyFactory.builderFor(new BlueExchangeAdapter(webClient, streams)).build(),
				(baseUrl != null) ? "for " + describe(baseUrl) : "on a WebClient");
	}

	/**
	 * Create a client proxy for an {@code @HttpExchange} interface.
	 * @param <S> the interface type
	 * @param serviceType the interface
	 * @return the proxy
	 */
	public <S> S createClient(Class<S> serviceType) {
		S client = this.proxyFactory.createClient(serviceType);
		String description = serviceType.getSimpleName() + " client " + this.target;
		ProxyFactory described = new ProxyFactory();
		described.setTarget(client);
		described.setInterfaces(serviceType);
		described.addAdvice((MethodInterceptor) (invocation) -> ReflectionUtils.isToStringMethod(invocation.getMethod())
				? description : invocation.proceed());
		return serviceType.cast(described.getProxy(serviceType.getClassLoader()));
	}

	@Override
	public String toString() {
		return "BlueApiClients " + this.target;
	}

	private static String describe(URI url) {
		return url.getScheme() + "://" + url.getHost() + ((url.getPort() != -1) ? ":" + url.getPort() : "")
				+ ((url.getRawPath() != null) ? url.getRawPath() : "");
	}

}
