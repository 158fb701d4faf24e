package io.github.wavestarter.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.wavestarter.blue.BlueApiClients;
import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.client.WaveClients;
import io.github.wavestarter.client.WaveCredentials;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.github.wavestarter.token.WaveTokenManager;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@link WaveClients} of the application: the default client (the beans of
 * {@code wave.*}), the named clients of {@code wave.clients.*}, and those registered at
 * run time. A named client holds only its settings until its first use; its token manager
 * and clients are built then, on the shared connectors.
 */
final class WaveClientRegistry implements WaveClients {

	/** The metrics tag shared by the clients registered at run time. */
	static final String RUNTIME_TAG = "runtime";

	private final WaveSettings settings;

	private final WaveProperties properties;

	private final ObjectProvider<WaveClientFactory> factory;

	private volatile @Nullable WaveClientFactory resolvedFactory;

	private final ObjectProvider<BlueStreams> blueStreams;

	private final @Nullable Client defaultClient;

	private final ConcurrentMap<String, Client> clients = new ConcurrentHashMap<>();

	/**
	 * The registry.
	 * @param settings the settings of {@code wave.*}, with the named clients
	 * @param properties the properties of {@code wave.*}
	 * @param factory builds the named clients
	 * @param blueStreams the stream decoder of the typed API
	 * @param defaultBeans the beans of the client of {@code wave.*}, or {@code null} when
	 * only named clients are configured
	 */
	WaveClientRegistry(WaveSettings settings, WaveProperties properties, ObjectProvider<WaveClientFactory> factory,
			ObjectProvider<BlueStreams> blueStreams, @Nullable DefaultBeans defaultBeans) {
		this.settings = settings;
		this.properties = properties;
		this.factory = factory;
		this.blueStreams = blueStreams;
		this.defaultClient = (defaultBeans != null)
				? new Client(DEFAULT, settings.baseUrl(), false, defaultBeans.tokens()::getObject,
						defaultBeans.webClient()::getObject, defaultBeans.restClient()::getObject)
				: null;
		settings.clients().forEach((name, client) -> this.clients.put(name, named(name, client, name, false)));
	}

	private Client named(String name, WaveSettings client, String tag, boolean runtime) {
		ClientRegistration registration = client.registration();
		Assert.state(registration != null, () -> "No registration for the Wave client '" + name + "'");
		// built at first use, without a lock: the factory is resolved before, and a
		// client built twice by racing threads is built once more and dropped
		Memo<WaveTokenManager> tokens = new Memo<>(() -> factory().tokenManager(registration, client, tag));
		Memo<WaveClientSetup> setup = new Memo<>(() -> factory().setup(client, tokens.get(), tag));
		return new Client(name, client.baseUrl(), runtime, tokens::get,
				new Memo<>(() -> factory().webClient(setup.get())),
				new Memo<>(() -> factory().restClient(setup.get())));
	}

	private WaveClientFactory factory() {
		WaveClientFactory factory = this.resolvedFactory;
		if (factory == null) {
			factory = this.factory.getObject();
			this.resolvedFactory = factory;
		}
		return factory;
	}

	@Override
	public Set<String> names() {
		Set<String> names = new LinkedHashSet<>();
		if (this.defaultClient != null) {
			names.add(DEFAULT);
		}
		List<String> named = new ArrayList<>(this.clients.keySet());
		Collections.sort(named);
		names.addAll(named);
		return Collections.unmodifiableSet(names);
	}

	@Override
	public WebClient webClient(String name) {
		return part(name, Client::webClient);
	}

	@Override
	public RestClient restClient(String name) {
		return part(name, Client::restClient);
	}

	@Override
	public WaveAccessTokenProvider tokens(String name) {
		return part(name, Client::tokens);
	}

	/** A part of a client, built at its first use, with the factory resolved first. */
	private <T> T part(String name, Function<Client, Supplier<T>> part) {
		Client client = client(name);
		factory();
		return part.apply(client).get();
	}

	@Override
	public <T> T client(String name, Class<T> httpInterface) {
		Client client = client(name);
		Object proxy = client.interfaces()
			.computeIfAbsent(httpInterface,
					(type) -> BlueApiClients
						.create(client.webClient().get(), this.blueStreams.getIfAvailable(BlueStreams::defaults),
								client.baseUrl())
						.createClient(type));
		return httpInterface.cast(proxy);
	}

	@Override
	public void register(String name, WaveCredentials credentials) {
		Assert.notNull(credentials, "credentials must not be null");
		Assert.isTrue(name != null && WavePropertiesMapper.CLIENT_NAME.matcher(name).matches(),
				() -> "A Wave client name is letters, digits and '-' only, not '" + name + "'");
		Assert.isTrue(!DEFAULT.equals(name), () -> "'" + DEFAULT + "' is the name of the client of wave.*");
		WaveSettings client = WavePropertiesMapper.runtimeClient(name, credentials, this.properties, this.settings);
		Client previous = this.clients.putIfAbsent(name, named(name, client, RUNTIME_TAG, true));
		Assert.isTrue(previous == null, () -> "A Wave client named '" + name + "' is already registered");
	}

	@Override
	public boolean remove(String name) {
		Client client = this.clients.get(name);
		if (client == null) {
			Assert.isTrue(!DEFAULT.equals(name), "The client of wave.* cannot be removed");
			return false;
		}
		Assert.isTrue(client.runtime(), () -> "The Wave client '" + name
				+ "' is configured in wave.clients.*; remove it from the configuration instead");
		return this.clients.remove(name, client);
	}

	private Client client(String name) {
		if (DEFAULT.equals(name) && this.defaultClient != null) {
			return this.defaultClient;
		}
		Client client = this.clients.get(name);
		if (client == null) {
			throw new IllegalArgumentException("No Wave client named '" + name + "'; the clients are " + names());
		}
		return client;
	}

	@Override
	public String toString() {
		return "WaveClients" + names();
	}

	/**
	 * The beans of the client of {@code wave.*}.
	 *
	 * @param webClient {@code waveWebClient}
	 * @param restClient {@code waveRestClient}
	 * @param tokens its token provider
	 */
	record DefaultBeans(ObjectProvider<WebClient> webClient, ObjectProvider<RestClient> restClient,
			ObjectProvider<WaveAccessTokenProvider> tokens) {

	}

	/**
	 * One client: its parts, built at first use, and its HTTP interfaces.
	 */
	private record Client(String name, URI baseUrl, boolean runtime, Supplier<WaveAccessTokenProvider> tokens,
			Supplier<WebClient> webClient, Supplier<RestClient> restClient, Map<Class<?>, Object> interfaces) {

		Client(String name, URI baseUrl, boolean runtime, Supplier<WaveAccessTokenProvider> tokens,
				Supplier<WebClient> webClient, Supplier<RestClient> restClient) {
			this(name, baseUrl, runtime, tokens, webClient, restClient, new ConcurrentHashMap<>());
		}

	}

}
