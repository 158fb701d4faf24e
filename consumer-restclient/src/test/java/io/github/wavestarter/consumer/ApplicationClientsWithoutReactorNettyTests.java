package io.github.wavestarter.consumer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.wavestarter.autoconfigure.WaveAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with the starter and {@code spring-boot-starter-restclient}, and nothing
 * else: the starter brings no HTTP library, so Boot detects for the application's own
 * clients what it detects without the starter (the JDK {@code HttpClient}), and the Wave
 * clients run on the JDK {@code HttpClient} too. The loopback server is the JDK's own, as
 * the emulator runs on Reactor Netty, which this class path must not have.
 */
class ApplicationClientsWithoutReactorNettyTests {

	private static final AutoConfigurations BOOT_HTTP_CLIENTS = AutoConfigurations.of(JacksonAutoConfiguration.class,
			HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
			WebClientAutoConfiguration.class);

	private final ApplicationContextRunner withStarter = new ApplicationContextRunner()
		.withConfiguration(BOOT_HTTP_CLIENTS)
		.withConfiguration(AutoConfigurations.of(WaveAutoConfiguration.class));

	private HttpServer server;

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private final List<String> apiAuthorizations = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/access_token", this::token);
		this.server.createContext("/m/blue/", this::api);
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void theClassPathHasNoReactorNetty() {
		assertThat(ClassUtils.isPresent("reactor.netty.http.client.HttpClient", null)).isFalse();
	}

	@Test
	void theApplicationsOwnClientsDetectTheJdkHttpClientWithTheStarterAsWithoutIt() {
		this.withStarter.withPropertyValues(waveProperties()).run((context) -> {
			assertThat(context).hasNotFailed().hasBean("waveRestClient");
			assertThat(context.getBean(ClientHttpRequestFactoryBuilder.class))
				.isInstanceOf(JdkClientHttpRequestFactoryBuilder.class);
			assertThat(context.getBean(ClientHttpRequestFactoryBuilder.class).build())
				.isInstanceOf(JdkClientHttpRequestFactory.class);
			assertThat(context.getBean(ClientHttpConnectorBuilder.class))
				.isInstanceOf(JdkClientHttpConnectorBuilder.class);
		});
		new ApplicationContextRunner().withClassLoader(new FilteredClassLoader("io.github.wavestarter"))
			.withConfiguration(BOOT_HTTP_CLIENTS)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean("waveRestClient");
				assertThat(context.getBean(ClientHttpRequestFactoryBuilder.class))
					.isInstanceOf(JdkClientHttpRequestFactoryBuilder.class);
				assertThat(context.getBean(ClientHttpConnectorBuilder.class))
					.isInstanceOf(JdkClientHttpConnectorBuilder.class);
			});
	}

	@Test
	void bothWaveClientsRunOnTheJdkHttpClientAndShareOneToken() {
		this.withStarter.withPropertyValues(waveProperties()).run((context) -> {
			RestClient rest = context.getBean("waveRestClient", RestClient.class);
			WebClient web = context.getBean("waveWebClient", WebClient.class);
			assertThat(rest.get().uri("/iam/v1/me").retrieve().body(String.class)).isEqualTo("{\"ok\":true}");
			assertThat(web.get().uri("/iam/v1/me").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30)))
				.isEqualTo("{\"ok\":true}");
			assertThat(this.tokenRequests).hasValue(1);
			assertThat(this.apiAuthorizations).containsExactly("Bearer jdk-token-1", "Bearer jdk-token-1");
		});
	}

	private String[] waveProperties() {
		String root = "http://127.0.0.1:" + this.server.getAddress().getPort();
		return new String[] { "wave.client-id=jdk-client", "wave.client-secret=jdk-secret",
				"wave.token-uri=" + root + "/access_token", "wave.base-url=" + root + "/m/blue" };
	}

	private void token(HttpExchange exchange) throws IOException {
		String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
		String body = read(exchange.getRequestBody());
		boolean multipart = "POST".equals(exchange.getRequestMethod()) && contentType != null
				&& contentType.startsWith("multipart/form-data") && body.contains("name=\"client_secret\"")
				&& body.contains("jdk-secret");
		if (!multipart) {
			respond(exchange, 400, "{\"error\":\"invalid_request\"}");
			return;
		}
		respond(exchange, 200, "{\"access_token\":\"jdk-token-" + this.tokenRequests.incrementAndGet()
				+ "\",\"token_type\":\"Bearer\",\"expires_in\":86400}");
	}

	private void api(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		this.apiAuthorizations.add(String.valueOf(authorization));
		if (authorization == null || !authorization.startsWith("Bearer jdk-token-")) {
			respond(exchange, 401, "{\"code\":16,\"message\":\"unauthenticated\",\"details\":[]}");
			return;
		}
		respond(exchange, 200, "{\"ok\":true}");
	}

	private static String read(InputStream body) throws IOException {
		return new String(body.readAllBytes(), StandardCharsets.UTF_8);
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
