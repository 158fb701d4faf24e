package io.github.wavestarter.token;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import reactor.util.retry.Retry;

/**
 * When to try a failed token request again: only transient failures (connection errors,
 * timeouts, 408, 429, 5xx), at most {@code maxAttempts} attempts in all, after an
 * exponential backoff with jitter, or after the endpoint's {@code Retry-After} when it
 * asked for one that fits within the request timeout.
 */
final class TokenRequestRetry extends Retry {

	/** Longest backoff between two attempts. */
	static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

	private final int maxAttempts;

	private final Duration firstBackoff;

	private final Duration longestRetryAfter;

	private final ContextView context;

	TokenRequestRetry(int maxAttempts, Duration firstBackoff, Duration longestRetryAfter, ContextView context) {
		this.maxAttempts = maxAttempts;
		this.firstBackoff = firstBackoff;
		this.longestRetryAfter = longestRetryAfter;
		this.context = context;
	}

	@Override
	public Flux<Long> generateCompanion(Flux<RetrySignal> retrySignals) {
		return retrySignals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			long retry = signal.totalRetries() + 1;
			if (!(failure instanceof WaveTokenException tokenFailure) || !tokenFailure.isTransient()
					|| retry >= this.maxAttempts) {
				return Mono.error(failure);
			}
			Duration delay = delay(tokenFailure, retry);
			if (delay == null) {
				return Mono.error(failure);
			}
			TokenObservations.retried(this.context);
			return Mono.delay(delay).thenReturn(retry);
		});
	}

	private Duration delay(WaveTokenException failure, long retry) {
		Duration retryAfter = failure.getRetryAfter();
		if (retryAfter != null) {
			return (retryAfter.compareTo(this.longestRetryAfter) <= 0) ? retryAfter : null;
		}
		long base = this.firstBackoff.toMillis() << Math.min(retry - 1, 16);
		long capped = Math.min(base, MAX_BACKOFF.toMillis());
		long jitter = (capped > 1) ? ThreadLocalRandom.current().nextLong(capped / 2) : 0;
		return Duration.ofMillis(capped / 2 + jitter);
	}

}
