package io.github.wavestarter.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wavestarter.testsupport.FixedTokenProvider;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the reactive steps stop their observations: a wait for the rate limit before the
 * exchange that follows it starts, a 401 replay before its answer reaches the caller,
 * each of them once. A metric read as soon as the caller has its answer is therefore
 * there.
 */
@Timeout(30)
class ReactiveObservationsTests {

	private static final URI BASE = URI.create("https://api.alphaus.cloud/m/blue");

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private final Counts counts = new Counts();

	private final ObservationRegistry registry = ObservationRegistry.create();

	ReactiveObservationsTests() {
		this.registry.observationConfig().observationHandler(this.counts);
	}

	@Test
	void aWaitIsStoppedBeforeTheExchangeThatFollowsItStarts() {
		// twenty a second: after the burst, each call waits about 50 ms
		WaveApiCalls calls = new WaveApiCalls(new WaveApiCalls.Settings(20, 1, Duration.ZERO, Duration.ofSeconds(1)),
				BASE, this.registry, "default");
		List<Integer> waitsOpenAtExchange = new ArrayList<>();
		ExchangeFunction exchange = (request) -> {
			waitsOpenAtExchange.add(this.counts.open(WaveApiCalls.WAIT_OBSERVATION));
			return Mono.just(ClientResponse.create(HttpStatus.OK).build());
		};
		ApiCallFilter filter = new ApiCallFilter(calls);
		for (int i = 0; i < 6; i++) {
			assertThat(filter.filter(whoami(), exchange).block(BLOCK).statusCode()).isEqualTo(HttpStatus.OK);
		}
		assertThat(this.counts.started(WaveApiCalls.WAIT_OBSERVATION)).as("calls that waited")
			.isGreaterThanOrEqualTo(3);
		assertThat(waitsOpenAtExchange).as("waits not stopped when an exchange started").hasSize(6).containsOnly(0);
		assertThat(this.counts.stopped(WaveApiCalls.WAIT_OBSERVATION))
			.isEqualTo(this.counts.started(WaveApiCalls.WAIT_OBSERVATION));
	}

	@Test
	void aReplayIsStoppedOnceBeforeItsAnswerReachesTheCaller() {
		AtomicInteger exchanges = new AtomicInteger();
		ExchangeFunction exchange = (request) -> Mono
			.just(ClientResponse.create((exchanges.getAndIncrement() == 0) ? HttpStatus.UNAUTHORIZED : HttpStatus.OK)
				.build());
		WaveBearerTokenFilter filter = new WaveBearerTokenFilter(new FixedTokenProvider(), BASE, this.registry);
		Integer replaysOpenAtAnswer = filter.filter(whoami(), exchange)
			.map((response) -> this.counts.open(BearerRules.API_REPLAY))
			.block(BLOCK);
		assertThat(exchanges).hasValue(2);
		assertThat(this.counts.started(BearerRules.API_REPLAY)).isEqualTo(1);
		assertThat(replaysOpenAtAnswer).as("replays not stopped when the caller had the answer").isZero();
		assertThat(this.counts.stopped(BearerRules.API_REPLAY)).isEqualTo(1);
	}

	@Test
	void anObservationIsStoppedOnceWhicheverSignalComesFirst() {
		ObservedOnce once = new ObservedOnce(Observation.createNotStarted("step", this.registry));
		once.stop("outcome", "success", null);
		once.stop("outcome", "cancelled", null);
		once.stop();
		assertThat(this.counts.stopped("step")).isEqualTo(1);
		assertThat(this.counts.lastOutcome.get("step")).isEqualTo("success");
	}

	private static ClientRequest whoami() {
		return ClientRequest.create(HttpMethod.GET, URI.create(BASE + "/iam/v1/whoami")).build();
	}

	/** How many observations of each name were started and stopped. */
	private static final class Counts implements ObservationHandler<Observation.Context> {

		private final Map<String, AtomicInteger> starts = new ConcurrentHashMap<>();

		private final Map<String, AtomicInteger> stops = new ConcurrentHashMap<>();

		private final Map<String, String> lastOutcome = new ConcurrentHashMap<>();

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

		@Override
		public void onStart(Observation.Context context) {
			count(this.starts, context.getName());
		}

		@Override
		public void onStop(Observation.Context context) {
			count(this.stops, context.getName());
			if (context.getLowCardinalityKeyValue("outcome") != null) {
				this.lastOutcome.put(context.getName(), context.getLowCardinalityKeyValue("outcome").getValue());
			}
		}

		int started(String name) {
			return get(this.starts, name);
		}

		int stopped(String name) {
			return get(this.stops, name);
		}

		int open(String name) {
			return started(name) - stopped(name);
		}

		private static void count(Map<String, AtomicInteger> counts, String name) {
			counts.computeIfAbsent(name, (key) -> new AtomicInteger()).incrementAndGet();
		}

		private static int get(Map<String, AtomicInteger> counts, String name) {
			AtomicInteger count = counts.get(name);
			return (count != null) ? count.get() : 0;
		}

	}

}
