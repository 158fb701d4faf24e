package io.github.wavestarter.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.client.reactive.ClientHttpResponseDecorator;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.util.function.SingletonSupplier;

/**
 * Builds the {@link WaveConnector} on one JDK {@link HttpClient}, for applications
 * without Reactor Netty (or with {@code wave.http.connector=jdk}): HTTP/1.1, no redirect
 * followed, {@code wave.http.*} over Boot's {@code spring.http.clients.*}, through Boot's
 * {@link JdkHttpClientBuilder}. The response timeout bounds the wait for the headers and
 * then the wait for each part of the body, on both clients, as on Reactor Netty. The
 * proxy is an HTTP proxy with optional Basic authentication ({@link ProxyRoute}); for
 * HTTPS targets the JDK allows Basic only when
 * {@code jdk.http.auth.tunneling.disabledSchemes} does not list it, which
 * {@link WavePropertiesMapper} checks at start-up.
 */
final class WaveJdkConnector {

	private WaveJdkConnector() {
	}

	static WaveConnector create(WaveHttpSettings settings, @Nullable HttpClientSettings defaults) {
		HttpClientSettings clientSettings = settings.clientSettings(defaults);
		Duration responseTimeout = clientSettings.readTimeout();
		WaveProxy proxy = settings.proxy();
		ProxyRoute route = (proxy != null) ? new ProxyRoute(proxy) : null;
		// built at the first request: building a JDK HttpClient loads and initializes
		// the JDK's TLS stack (about 500 classes), which an application that has not
		// called the Blue API yet should not pay for at start-up
		LazyHttpClient httpClient = new LazyHttpClient(() -> new JdkHttpClientBuilder().withCustomizer((builder) -> {
			builder.version(HttpClient.Version.HTTP_1_1);
			if (route != null) {
				builder.proxy(route);
			}
			builder.followRedirects(HttpClient.Redirect.NEVER);
		}).build(clientSettings.withReadTimeout(null)));
		IdleReadTimeout readTimeout = (responseTimeout != null) ? new IdleReadTimeout(responseTimeout) : null;
		Supplier<JdkClientHttpConnector> jdk = SingletonSupplier.of(() -> {
			JdkClientHttpConnector connector = new JdkClientHttpConnector(httpClient.get());
			if (readTimeout != null) {
				connector.setReadTimeout(readTimeout.timeout());
			}
			return connector;
		});
		Function<URI, @Nullable String> proxyAuthorization = (route != null) ? route::authorization : (uri) -> null;
		ClientHttpConnector connector = (method, uri, callback) -> jdk.get().connect(method, uri, (request) -> {
			String authorization = proxyAuthorization.apply(uri);
			if (authorization != null) {
				request.getHeaders().set(HttpHeaders.PROXY_AUTHORIZATION, authorization);
			}
			return callback.apply(request);
		}).map((response) -> (readTimeout != null) ? idle(response, readTimeout) : response);
		AutoCloseable resources = () -> {
			httpClient.close();
			if (readTimeout != null) {
				readTimeout.close();
			}
		};
		return new WaveConnector(connector, new WaveJdkRequestFactory(httpClient, readTimeout, proxyAuthorization),
				settings.maxInMemorySize(), resources);
	}

	private static ClientHttpResponse idle(ClientHttpResponse response, IdleReadTimeout readTimeout) {
		return new ClientHttpResponseDecorator(response) {

			@Override
			public Flux<DataBuffer> getBody() {
				return super.getBody().timeout(readTimeout.timeout(), Mono.error(readTimeout::timedOut));
			}

		};
	}

	/**
	 * The connector's {@link HttpClient}, built at its first request and closed with the
	 * application. An {@code HttpClient} can be closed from Java 21 on; before that, its
	 * selector thread and connections end once it is garbage. Its {@code close()} waits
	 * for the exchanges still running (a long stream, say), so it runs on a thread of its
	 * own and the application's close does not wait for it.
	 */
	static final class LazyHttpClient implements Supplier<HttpClient>, AutoCloseable {

		private final SingletonSupplier<HttpClient> client;

		/** The client once it is built; {@code null} until then. */
		private volatile @Nullable HttpClient built;

		LazyHttpClient(Supplier<HttpClient> factory) {
			this.client = SingletonSupplier.of(() -> {
				HttpClient client = factory.get();
				this.built = client;
				return client;
			});
		}

		@Override
		public HttpClient get() {
			return this.client.obtain();
		}

		@Override
		public void close() {
			if (this.built instanceof AutoCloseable closeable) {
				Thread closing = new Thread(() -> {
					try {
						closeable.close();
					}
					catch (Exception ex) {
						// nothing is left to release
					}
				}, "wave-http-client-close");
				closing.setDaemon(true);
				closing.start();
			}
		}

	}

	/**
	 * Sends everything through the proxy but the hosts it must not handle, and gives the
	 * {@code Proxy-Authorization} header of proxied requests. The header is sent
	 * pre-emptively rather than through an {@code Authenticator}: a JDK
	 * {@code HttpClient} with an authenticator drops the caller's {@code Authorization}
	 * header (the Wave token) and fails on a 401 without {@code WWW-Authenticate}, which
	 * is how the Blue API answers. The JDK sends the header to a plain proxy, moves it to
	 * the {@code CONNECT} of a tunnel (when Basic is allowed there), and strips it from
	 * every request to the origin.
	 */
	static final class ProxyRoute extends ProxySelector {

		private final List<Proxy> proxied;

		private final @Nullable Pattern nonProxyHosts;

		private final @Nullable String authorization;

		ProxyRoute(WaveProxy proxy) {
			this.proxied = List
				.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
			this.nonProxyHosts = (proxy.nonProxyHosts() != null)
					? Pattern.compile(proxy.nonProxyHosts(), Pattern.CASE_INSENSITIVE) : null;
			String username = proxy.username();
			String password = (proxy.password() != null) ? proxy.password() : "";
			this.authorization = (username != null) ? "Basic "
					+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))
					: null;
		}

		@Override
		public List<Proxy> select(URI uri) {
			return direct(uri) ? List.of(Proxy.NO_PROXY) : this.proxied;
		}

		/** The {@code Proxy-Authorization} value for a request, or {@code null}. */
		@Nullable String authorization(URI uri) {
			return direct(uri) ? null : this.authorization;
		}

		private boolean direct(URI uri) {
			String host = uri.getHost();
			return host != null && this.nonProxyHosts != null && this.nonProxyHosts.matcher(host).matches();
		}

		@Override
		public void connectFailed(URI uri, SocketAddress address, IOException ex) {
			// the request fails with the exception; there is no other proxy to try
		}

		@Override
		public String toString() {
			return "ProxyRoute[" + this.proxied + "]";
		}

	}

}
