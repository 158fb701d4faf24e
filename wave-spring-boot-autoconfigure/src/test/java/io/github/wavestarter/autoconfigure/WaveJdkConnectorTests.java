package io.github.wavestarter.autoconfigure;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import io.github.wavestarter.autoconfigure.InvalidWaveConfigurationException.Problem;
import io.github.wavestarter.autoconfigure.blue.WaveBlueApiAutoConfiguration;
import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.junit.MockWaveServerTest;
import io.github.wavestarter.testsupport.LoopbackProxy;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Wave clients on the JDK {@code HttpClient}: chosen when Reactor Netty is absent,
 * refused when asked for without it, and with the response timeout of Reactor Netty (the
 * wait for each part of a body, not a deadline for the whole exchange), against the
 * emulator. The rest of the suite runs on the JDK {@code HttpClient} too, in Surefire's
 * {@code jdk-connector} execution.
 */
@MockWaveServerTest
class WaveJdkConnectorTests {

	private static final String COSTS = "/cost/v1/aws/costs:read";

	private static final Duration BLOCK = Duration.ofSeconds(20);

	private final MockWaveServer server;

	private final ApplicationContextRunner runner;

	WaveJdkConnectorTests(MockWaveServer server) {
		this.server = server;
		this.runner = WaveContexts.plainForServer(server)
			.withConfiguration(AutoConfigurations.of(WaveBlueApiAutoConfiguration.class));
	}

	@Test
	void fromJava21OnTheHttpClientIsClosedWithTheApplication() {
		assumeTrue(Runtime.version().feature() >= 21, "an HttpClient can be closed from Java 21 on");
		Set<Thread> before = selectorThreads();
		List<Thread> ours = new ArrayList<>();
		this.runner.withPropertyValues("wave.http.connector=jdk").run((context) -> {
			assertThat(rest(context).get().uri("/iam/v1/whoami").retrieve().body(String.class))
				.contains(MockWaveServer.DEFAULT_CLIENT_ID);
			selectorThreads().stream().filter((thread) -> !before.contains(thread)).forEach(ours::add);
			assertThat(ours).as("the selector thread of the Wave HttpClient").hasSize(1);
		});
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ours).as("selector threads still running").noneMatch(Thread::isAlive));
	}

	private static Set<Thread> selectorThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith("HttpClient-")
					&& thread.getName().endsWith("-SelectorManager") && thread.isAlive())
			.collect(Collectors.toSet());
	}

	@Test
	void withoutReactorNettyTheWaveClientsRunOnTheJdkHttpClient() {
		this.runner.withClassLoader(new FilteredClassLoader("reactor.netty")).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(WaveConnectionPool.class);
			assertThat(context.getBean(WaveSettings.class).http().connector()).isEqualTo(WaveProperties.Connector.JDK);
			assertThat(rest(context).get().uri("/iam/v1/whoami").retrieve().body(String.class))
				.contains(MockWaveServer.DEFAULT_CLIENT_ID);
		});
	}

	@Test
	void reactorWithoutReactorNettyFailsAtStartUpNamingTheProperty() {
		this.runner.withClassLoader(new FilteredClassLoader("reactor.netty"))
			.withPropertyValues("wave.http.connector=reactor")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidWaveConfigurationException.class,
						(failure) -> assertThat(failure.getProblems()).singleElement().satisfies((problem) -> {
							assertThat(problem.property()).isEqualTo("wave.http.connector");
							assertThat(problem.action()).contains("io.projectreactor.netty:reactor-netty-http");
						})));
	}

	@Test
	void aStalledBodyIsCutByTheResponseTimeoutOnBothClients() {
		this.server.stubs().stub("POST", COSTS).thenChunks(() -> Flux.concat(Mono.just(row(0)), Mono.never()));
		jdk("wave.http.response-timeout=400ms").run((context) -> {
			long start = System.nanoTime();
			try (Stream<Map<String, Object>> rows = blocking(context)) {
				Iterator<Map<String, Object>> iterator = rows.iterator();
				assertThat(iterator.next()).containsEntry("i", 0);
				assertThatThrownBy(iterator::hasNext).satisfies(WaveJdkConnectorTests::isTheResponseTimeout);
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			List<Object> received = new ArrayList<>();
			assertThatThrownBy(() -> reactive(context).doOnNext(received::add).blockLast(BLOCK))
				.satisfies(WaveJdkConnectorTests::isTheResponseTimeout);
			assertThat(received).hasSize(1);
		});
	}

	@Test
	void aBodyThatKeepsFlowingIsNotCutByTheResponseTimeout() {
		// 12 rows, 150 ms apart: the stream lasts about three times the timeout
		this.server.stubs()
			.stub("POST", COSTS)
			.thenChunks(() -> Flux.range(0, 12).delayElements(Duration.ofMillis(150)).map(WaveJdkConnectorTests::row));
		jdk("wave.http.response-timeout=600ms").run((context) -> {
			try (Stream<Map<String, Object>> rows = blocking(context)) {
				assertThat(rows.count()).isEqualTo(12);
			}
			assertThat(reactive(context).collectList().block(BLOCK)).hasSize(12);
		});
	}

	@Test
	void aProxyUserForHttpsFailsAtStartUpWhenTheJdkRefusesBasicForTunnels() {
		assertThat(System.getProperty(WavePropertiesMapper.JDK_TUNNELING_DISABLED_SCHEMES))
			.as("this JVM keeps the JDK's default")
			.isNull();
		this.runner
			.withPropertyValues("wave.http.connector=jdk", "wave.base-url=https://api.example.com/m/blue",
					"wave.http.proxy.host=proxy.example.com", "wave.http.proxy.port=3128",
					"wave.http.proxy.username=proxy-user", "wave.http.proxy.password=proxy-s3cret")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidWaveConfigurationException.class)
				.hasMessageContaining("wave.http.proxy.username")
				.hasMessageContaining("jdk.http.auth.tunneling.disabledSchemes=Basic")
				.hasMessageNotContaining("proxy-s3cret"));
	}

	@Test
	void theProxyCheckFollowsTheJvmsTunnelingSchemesAndTheUrls() {
		WaveProxy user = new WaveProxy("proxy.example.com", 3128, "proxy-user", "pw", null);
		WaveProperties https = new WaveProperties();
		assertThat(problems(user, https, null)).singleElement()
			.satisfies((problem) -> assertThat(problem.property()).isEqualTo("wave.http.proxy.from-env"));
		assertThat(problems(user, https, "Digest, basic")).hasSize(1);
		assertThat(problems(user, https, "")).as("Basic allowed by the JVM").isEmpty();
		assertThat(problems(new WaveProxy("proxy.example.com", 3128, null, null, null), https, null))
			.as("no proxy user")
			.isEmpty();
		WaveProperties http = new WaveProperties();
		http.setTokenUri(java.net.URI.create("http://127.0.0.1:8080/access_token"));
		http.setBaseUrl(java.net.URI.create("http://127.0.0.1:8080/m/blue"));
		assertThat(problems(user, http, null)).as("plain http: no tunnel").isEmpty();
	}

	@Test
	void proxyCredentialsNeverReachAHostReachedDirectly() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		HttpServer origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		origin.createContext("/", (exchange) -> {
			exchange.getRequestHeaders()
				.forEach((name, values) -> seen.add(name.toLowerCase(Locale.ROOT) + ": " + String.join(",", values)));
			exchange.getRequestBody().readAllBytes();
			byte[] body = (exchange.getRequestURI().getPath().equals("/access_token")
					? "{\"access_token\":\"direct-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
					: "{\"ok\":true}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		origin.start();
		try (LoopbackProxy proxy = new LoopbackProxy("proxy-user", "Pr0xy-Passw0rd")) {
			String root = "http://127.0.0.1:" + origin.getAddress().getPort();
			jdk("wave.token-uri=" + root + "/access_token", "wave.base-url=" + root + "/m/blue",
					"wave.http.proxy.host=127.0.0.1", "wave.http.proxy.port=" + proxy.port(),
					"wave.http.proxy.username=proxy-user", "wave.http.proxy.password=Pr0xy-Passw0rd",
					"wave.http.proxy.non-proxy-hosts=127\\.0\\.0\\.1")
				.run((context) -> {
					assertThat(rest(context).get().uri("/iam/v1/whoami").retrieve().body(String.class))
						.isEqualTo("{\"ok\":true}");
					assertThat(context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class)
						.get()
						.uri("/iam/v1/whoami")
						.retrieve()
						.bodyToMono(String.class)
						.block(BLOCK)).isEqualTo("{\"ok\":true}");
				});
			assertThat(proxy.requestLines).isEmpty();
			assertThat(seen).contains("authorization: Bearer direct-token")
				.noneMatch((header) -> header.startsWith("proxy-"))
				.noneMatch((header) -> header.contains("cHJveHktdXNlcjpQcjB4eS1QYXNzdzByZA"));
		}
		finally {
			origin.stop(0);
		}
	}

	private static List<Problem> problems(WaveProxy proxy, WaveProperties properties, String disabledSchemes) {
		List<Problem> problems = new ArrayList<>();
		WavePropertiesMapper.checkJdkProxyAuthentication(proxy, properties, disabledSchemes, problems);
		return problems;
	}

	private ApplicationContextRunner jdk(String... properties) {
		return this.runner.withPropertyValues("wave.http.connector=jdk").withPropertyValues(properties);
	}

	private static void isTheResponseTimeout(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
			causes.add(cause);
		}
		assertThat(causes).anySatisfy((cause) -> assertThat(cause).isInstanceOf(HttpTimeoutException.class)
			.hasMessageContaining("wave.http.response-timeout"));
	}

	@SuppressWarnings("unchecked")
	private static Stream<Map<String, Object>> blocking(AssertableApplicationContext context) {
		BlueStreams streams = context.getBean(BlueStreams.class);
		return rest(context).post()
			.uri(COSTS)
			.body(Map.of())
			.exchange((request, response) -> streams.stream(response, Map.class), false)
			.map((row) -> (Map<String, Object>) row);
	}

	@SuppressWarnings("rawtypes")
	private static Flux<Map> reactive(AssertableApplicationContext context) {
		return context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class)
			.post()
			.uri(COSTS)
			.bodyValue(Map.of())
			.exchangeToFlux(BlueStreams.results(Map.class));
	}

	private static RestClient rest(AssertableApplicationContext context) {
		return context.getBean(WaveAutoConfiguration.WAVE_REST_CLIENT_BEAN_NAME, RestClient.class);
	}

	private static String row(int i) {
		return "{\"result\":{\"i\":" + i + "}}\n";
	}

}
