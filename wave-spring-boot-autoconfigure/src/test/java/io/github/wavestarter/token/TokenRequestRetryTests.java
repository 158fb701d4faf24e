package io.github.wavestarter.token;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import reactor.util.context.Context;

import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link TokenRequestRetry} tries a token request again and after how long, on
 * virtual time: the number of attempts, which failures are retried, the backoff and its
 * cap, and the endpoint's {@code Retry-After}.
 */
class TokenRequestRetryTests {

	private static final Duration VERIFY = Duration.ofSeconds(10);

	private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(30);

	@Test
	void aTransientFailureIsTriedMaxAttemptsTimesInAll() {
		assertThat(attemptTimes(transientFailure(null), 3, Duration.ofMillis(100))).hasSize(3);
		assertThat(attemptTimes(transientFailure(null), 2, Duration.ofMillis(100))).hasSize(2);
		assertThat(attemptTimes(transientFailure(null), 1, Duration.ofMillis(100))).hasSize(1);
	}

	@Test
	void otherFailuresAreNotRetried() {
		WaveTokenException permanent = new WaveTokenException(new OAuth2Error("invalid_client"), 401, false, null,
				null);
		assertThat(attemptTimes(permanent, 5, Duration.ofMillis(100))).hasSize(1);
		assertThat(attemptTimes(new IOException("reset"), 5, Duration.ofMillis(100))).hasSize(1);
	}

	@Test
	void theBackoffDoublesWithJitterAndIsCappedAtTenSeconds() {
		List<Long> times = attemptTimes(transientFailure(null), 12, Duration.ofMillis(100));
		assertThat(times).hasSize(12);
		for (int retry = 1; retry < times.size(); retry++) {
			long delay = times.get(retry) - times.get(retry - 1);
			// half the nominal backoff plus up to half of it again
			long nominal = Math.min(100L << (retry - 1), 10_000);
			assertThat(delay).as("delay before retry %d", retry).isBetween(nominal / 2, nominal - 1);
		}
	}

	@Test
	void manyAttemptsDoNotOverflowTheBackoff() {
		List<Long> times = attemptTimes(transientFailure(null), 80, Duration.ofSeconds(1));
		assertThat(times).hasSize(80);
		long last = times.get(79) - times.get(78);
		assertThat(last).isBetween(5_000L, 9_999L);
	}

	@Test
	void aOneMillisecondBackoffRetriesAtOnce() {
		List<Long> times = attemptTimes(transientFailure(null), 3, Duration.ofMillis(1));
		assertThat(times).containsExactly(0L, 0L, 1L);
	}

	@Test
	void retryAfterIsObeyedUpToTheLongestAllowed() {
		assertThat(attemptTimes(transientFailure(Duration.ofSeconds(7)), 3, Duration.ofMillis(100))).containsExactly(0L,
				7_000L, 14_000L);
		assertThat(attemptTimes(transientFailure(LONGEST_RETRY_AFTER), 2, Duration.ofMillis(100))).containsExactly(0L,
				LONGEST_RETRY_AFTER.toMillis());
		// longer than the request timeout: failing now is better than waiting
		assertThat(attemptTimes(transientFailure(LONGEST_RETRY_AFTER.plusMillis(1)), 3, Duration.ofMillis(100)))
			.containsExactly(0L);
	}

	@Test
	void eachRetryIsAnEventOfTheAcquisitionObservation() {
		List<String> events = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onEvent(Observation.Event event, Observation.Context context) {
				events.add(event.getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		Observation observation = Observation.start(TokenObservations.TOKEN_ACQUISITION, registry);
		attemptTimes(transientFailure(null), 3, Duration.ofMillis(10),
				Context.of(TokenObservations.CONTEXT_KEY, observation));
		observation.stop();
		assertThat(events).containsExactly("retry", "retry");
	}

	private static WaveTokenException transientFailure(Duration retryAfter) {
		return new WaveTokenException(new OAuth2Error("temporarily_unavailable"), 503, true, retryAfter, null);
	}

	private static List<Long> attemptTimes(Throwable failure, int maxAttempts, Duration firstBackoff) {
		return attemptTimes(failure, maxAttempts, firstBackoff, Context.empty());
	}

	/** The virtual times (ms) at which the attempts were made, until the final error. */
	private static List<Long> attemptTimes(Throwable failure, int maxAttempts, Duration firstBackoff, Context context) {
		List<Long> times = new CopyOnWriteArrayList<>();
		StepVerifier.withVirtualTime(() -> {
			VirtualTimeScheduler scheduler = VirtualTimeScheduler.get();
			return Mono.defer(() -> {
				times.add(scheduler.now(TimeUnit.MILLISECONDS));
				return Mono.error(failure);
			}).retryWhen(new TokenRequestRetry(maxAttempts, firstBackoff, LONGEST_RETRY_AFTER, context));
		}).thenAwait(Duration.ofDays(1)).expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(failure)).verify(VERIFY);
		return times;
	}

}
