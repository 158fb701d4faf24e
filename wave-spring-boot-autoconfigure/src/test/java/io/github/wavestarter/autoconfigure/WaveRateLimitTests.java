package io.github.wavestarter.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.wavestarter.client.WaveClients;
import io.github.wavestarter.test.MockApiClient;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.testsupport.ApiArrivals;
import io.github.wavestarter.testsupport.WaveContexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client-side rate limit ({@code wave.api.max-requests-per-second}) over loopback
 * HTTP: one limit per client, shared by its two clients, waits that block no reactive
 * thread, and what the metrics show.
 */
@Timeout(60)
class WaveRateLimitTests {

	private static final Duration BLOCK = Duration.ofSeconds(20);

	private static final String WHOAMI = "/iam/v1/whoami";

	@Test
	void bothClientsOfAClientShareOneLimit() throws Exception {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server).withPropertyValues("wave.api.max-requests-per-second=10").run((context) -> {
				warmUp(context);
				server.journal().clear();
				ExecutorService threads = Executors.newFixedThreadPool(5);
				try {
					long start = System.nanoTime();
					Mono<List<String>> reactive = Flux.range(0, 5)
						.flatMap((i) -> web(context).get().uri(WHOAMI).retrieve().bodyToMono(String.class))
						.collectList();
					List<CompletableFuture<String>> blocking = IntStream.range(0, 5)
						.mapToObj((i) -> CompletableFuture
							.supplyAsync(() -> rest(context).get().uri(WHOAMI).retrieve().body(String.class), threads))
						.toList();
					assertThat(reactive.block(BLOCK)).hasSize(5);
					for (CompletableFuture<String> call : blocking) {
						assertThat(call.get(20, TimeUnit.SECONDS)).contains(server.clientId());
					}
					// 10 calls at 10 per second: the last goes at least 0.9s after the
					// first (the warm-up call took the burst of one)
					assertThat(Duration.ofNanos(System.nanoTime() - start))
						.isGreaterThanOrEqualTo(Duration.ofMillis(900));
					ApiArrivals arrivals = ApiArrivals.of(server);
					assertThat(arrivals.count()).isEqualTo(10);
					assertThat(arrivals.span()).isGreaterThanOrEqualTo(Duration.ofMillis(800));
					Timer waits = context.getBean(MeterRegistry.class)
						.get("wave.api.rate-limit.wait")
						.tag("wave.client", "default")
						.timer();
					assertThat(waits.count()).isGreaterThanOrEqualTo(9);
					assertThat(waits.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(800);
				}
				finally {
					threads.shutdownNow();
				}
			});
		}
	}

	@Test
	void aReactiveCallWaitsOnATimerAndBlocksNoThread() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server).withPropertyValues("wave.api.max-requests-per-second=5").run((context) -> {
				warmUp(context);
				Scheduler single = Schedulers.newSingle("one-thread");
				try {
					// eight calls subscribed on one thread: were a wait to sleep on it,
					// the
					// task after them would run only after about 1.6 seconds
					Mono<List<String>> calls = Flux.range(0, 8)
						.flatMap((i) -> web(context).get().uri(WHOAMI).retrieve().bodyToMono(String.class))
						.collectList()
						.subscribeOn(single)
						.cache();
					calls.subscribe();
					long submitted = System.nanoTime();
					Long ranAfter = Mono.fromCallable(() -> System.nanoTime() - submitted)
						.subscribeOn(single)
						.block(BLOCK);
					assertThat(Duration.ofNanos(ranAfter)).isLessThan(Duration.ofMillis(1000));
					assertThat(calls.block(BLOCK)).hasSize(8);
				}
				finally {
					single.dispose();
				}
			});
		}
	}

	@Test
	void eachClientHasALimitOfItsOwn() {
		try (MockWaveServer server = MockWaveServer.builder()
			.client(MockApiClient.named("lean", "lean-client-id", "lean-Secret-3"))
			.start()) {
			WaveContexts.forServer(server).withPropertyValues("wave.api.max-requests-per-second=0.5").run((context) -> {
				WaveClients clients = context.getBean(WaveClients.class);
				warmUp(context);
				assertThat(whoami(clients, "lean")).contains("lean-client-id");
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find("wave.api.rate-limit.wait").timers()).as("no client has waited").isEmpty();
				assertThat(whoami(clients, WaveClients.DEFAULT)).contains(server.clientId());
				assertThat(meters.get("wave.api.rate-limit.wait").tag("wave.client", "default").timer().count())
					.isEqualTo(1);
				assertThat(meters.find("wave.api.rate-limit.wait").tag("wave.client", "lean").timer()).isNull();
			});
		}
	}

	@Test
	void aNamedClientTakesItsOwnSettingOrThatOfWave() {
		try (MockWaveServer server = MockWaveServer.builder()
			.client(MockApiClient.named("lean", "lean-client-id", "lean-Secret-3"))
			.start()) {
			WaveContexts.forServer(server)
				.withPropertyValues("wave.api.max-requests-per-second=0", "wave.api.retry.max-attempts=5",
						"wave.clients.lean.api.max-requests-per-second=1")
				.run((context) -> {
					WaveSettings settings = context.getBean(WaveSettings.class);
					assertThat(settings.api().maxRequestsPerSecond()).isZero();
					assertThat(settings.clients().get("lean").api().maxRequestsPerSecond()).isEqualTo(1);
					assertThat(settings.clients().get("lean").api().maxAttempts()).isEqualTo(5);
					WaveClients clients = context.getBean(WaveClients.class);
					for (int i = 0; i < 3; i++) {
						assertThat(whoami(clients, WaveClients.DEFAULT)).contains(server.clientId());
						assertThat(whoami(clients, "lean")).contains("lean-client-id");
					}
					MeterRegistry meters = context.getBean(MeterRegistry.class);
					assertThat(meters.find("wave.api.rate-limit.wait").tag("wave.client", "default").timer()).isNull();
					assertThat(meters.get("wave.api.rate-limit.wait").tag("wave.client", "lean").timer().count())
						.isGreaterThanOrEqualTo(1);
				});
		}
	}

	@Test
	void underTheApisOwnLimitTheClientCollectsNo429() {
		try (MockWaveServer server = MockWaveServer.builder().rateLimit(20).start()) {
			WaveContexts.forServer(server).withPropertyValues("wave.api.max-requests-per-second=20").run((context) -> {
				assertThat(Flux.range(0, 60)
					.flatMap((i) -> web(context).get().uri(WHOAMI).retrieve().bodyToMono(String.class))
					.count()
					.block(BLOCK)).isEqualTo(60);
				assertThat(server.journal().rateLimitedRequestCount()).isZero();
			});
		}
	}

	@Test
	void withoutTheLimitThe429sOfTheApiAreRetriedAfterRetryAfter() {
		try (MockWaveServer server = MockWaveServer.builder().rateLimit(20).start()) {
			WaveContexts.forServer(server)
				.withPropertyValues("wave.api.max-requests-per-second=0", "wave.api.retry.backoff=10ms")
				.run((context) -> {
					assertThat(Flux.range(0, 40)
						.flatMap((i) -> web(context).get().uri(WHOAMI).retrieve().bodyToMono(String.class))
						.count()
						.block(BLOCK)).isEqualTo(40);
					long rejected = server.journal().rateLimitedRequestCount();
					assertThat(rejected).isPositive();
					assertThat(context.getBean(MeterRegistry.class)
						.get("wave.api.retry")
						.tags("status", "429", "outcome", "success")
						.timer()
						.count()).isEqualTo(rejected);
				});
		}
	}

	@Test
	void zeroTurnsTheLimitOff() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server).withPropertyValues("wave.api.max-requests-per-second=0").run((context) -> {
				assertThat(Flux.range(0, 50)
					.flatMap((i) -> web(context).get().uri(WHOAMI).retrieve().bodyToMono(String.class))
					.count()
					.block(BLOCK)).isEqualTo(50);
				assertThat(context.getBean(MeterRegistry.class).find("wave.api.rate-limit.wait").timers()).isEmpty();
			});
		}
	}

	/** One call, so that the token is there and the burst is used. */
	private static void warmUp(ApplicationContext context) {
		assertThat(rest(context).get().uri(WHOAMI).retrieve().body(String.class)).isNotBlank();
	}

	private static WebClient web(ApplicationContext context) {
		return context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class);
	}

	private static RestClient rest(ApplicationContext context) {
		return context.getBean(WaveAutoConfiguration.WAVE_REST_CLIENT_BEAN_NAME, RestClient.class);
	}

	private static String whoami(WaveClients clients, String name) {
		return clients.webClient(name).get().uri(WHOAMI).retrieve().bodyToMono(String.class).block(BLOCK);
	}

}
