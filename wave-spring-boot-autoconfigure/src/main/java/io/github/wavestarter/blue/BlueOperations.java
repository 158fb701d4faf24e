package io.github.wavestarter.blue;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.wavestarter.blue.api.Operation;
import io.github.wavestarter.blue.api.OperationsApi;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Waits for long-running Blue API operations, such as those
 * {@code CostApi.calculateCosts} and {@code CostApi.exportReport} answer: polls
 * {@code GET /ops/v1/{name}} ({@link OperationsApi}) with exponential backoff until the
 * operation is {@code done}, then answers its {@code response}, or fails with a
 * {@link BlueApiException} carrying the gRPC code of its {@code error}. Every wait is
 * bounded by the caller's timeout: when it passes first, the wait fails with a
 * {@link BlueOperationTimeoutException} naming the operation and the timeout (the
 * operation goes on at Alphaus). <pre class="code">
 * Operation started = costApi.calculateCosts("aws", CalculateCostsRequest.of(null, "202610")).block(timeout);
 * JsonNode response = blueOperations.awaitBlocking(started, Duration.ofMinutes(30));
 * </pre> A failed poll (an HTTP error answer) ends the wait with that error. The delays
 * run on a {@link Scheduler} (by default {@link Schedulers#parallel()}, looked up at each
 * wait so that a test's virtual time applies).
 */
public final class BlueOperations {

	/** Default delay before the first poll. */
	public static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(1);

	/** Default longest delay between two polls. */
	public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(30);

	private final OperationsApi api;

	private final Duration initialInterval;

	private final Duration maxInterval;

	private final Supplier<Scheduler> scheduler;

	private BlueOperations(OperationsApi api, Duration initialInterval, Duration maxInterval,
			Supplier<Scheduler> scheduler) {
		this.api = Objects.requireNonNull(api, "api");
		this.initialInterval = requirePositive(initialInterval, "initialInterval");
		this.maxInterval = requirePositive(maxInterval, "maxInterval");
		if (maxInterval.compareTo(initialInterval) < 0) {
			throw new IllegalArgumentException("maxInterval must not be shorter than initialInterval");
		}
		this.scheduler = scheduler;
	}

	/**
	 * Polls with the default backoff: 1 s before the first poll, doubling up to 30 s.
	 * @param api the Operations client (the auto-configured {@code OperationsApi} bean)
	 * @return the waiter
	 */
	public static BlueOperations create(OperationsApi api) {
		return new BlueOperations(api, DEFAULT_INITIAL_INTERVAL, DEFAULT_MAX_INTERVAL, Schedulers::parallel);
	}

	/**
	 * A copy with another backoff: the first poll after {@code initialInterval}, each
	 * next delay twice the previous one, at most {@code maxInterval}.
	 * @param initialInterval delay before the first poll, positive
	 * @param maxInterval longest delay, not shorter than {@code initialInterval}
	 * @return a new waiter
	 */
	public BlueOperations withBackoff(Duration initialInterval, Duration maxInterval) {
		return new BlueOperations(this.api, initialInterval, maxInterval, this.scheduler);
	}

	/**
	 * A copy whose delays and timeout run on the given scheduler (e.g. a
	 * {@code VirtualTimeScheduler} in tests).
	 * @param scheduler the scheduler
	 * @return a new waiter
	 */
	public BlueOperations withScheduler(Scheduler scheduler) {
		Objects.requireNonNull(scheduler, "scheduler");
		return new BlueOperations(this.api, this.initialInterval, this.maxInterval, () -> scheduler);
	}

	/**
	 * The delay before poll number {@code poll} (from 0).
	 * @param poll the poll, from 0
	 * @return the delay
	 */
	Duration interval(int poll) {
		Duration interval = this.initialInterval;
		for (int i = 0; i < poll && interval.compareTo(this.maxInterval) < 0; i++) {
			interval = interval.multipliedBy(2);
		}
		return (interval.compareTo(this.maxInterval) > 0) ? this.maxInterval : interval;
	}

	/**
	 * Waits for an operation. An operation that is already {@code done} is not polled.
	 * @param operation the operation as started (its {@code name} is required)
	 * @param timeout how long to wait at most, positive
	 * @return a {@code Mono} of the operation's {@code response} (empty when the done
	 * operation has none), failing with a {@link BlueApiException} when the operation
	 * failed, or a {@link BlueOperationTimeoutException} when it was not done in time
	 */
	public Mono<JsonNode> await(Operation operation, Duration timeout) {
		String name = operation.name();
		if (name == null || name.isEmpty()) {
			return Mono.error(new IllegalArgumentException("The operation has no name to poll"));
		}
		requirePositive(timeout, "timeout");
		return Mono.defer(() -> {
			Scheduler scheduler = this.scheduler.get();
			AtomicInteger polls = new AtomicInteger();
			Mono<Operation> done = Mono.just(operation)
				.expand((current) -> current.isDone() ? Mono.empty()
						: Mono.delay(interval(polls.get()), scheduler).then(Mono.defer(() -> {
							polls.incrementAndGet();
							return this.api.getOperation(name);
						})))
				.last();
			return done
				.timeout(timeout,
						Mono.defer(() -> Mono.error(new BlueOperationTimeoutException(name, timeout, polls.get()))),
						scheduler)
				.flatMap((finished) -> result(name, finished));
		});
	}

	/**
	 * Waits for an operation, blocking the calling thread (never call it on a reactive
	 * thread).
	 * @param operation the operation as started
	 * @param timeout how long to wait at most, positive
	 * @return the operation's {@code response}, or {@code null} when it has none
	 * @throws BlueApiException when the operation failed
	 * @throws BlueOperationTimeoutException when it was not done in time
	 */
	public @Nullable JsonNode awaitBlocking(Operation operation, Duration timeout) {
		// the Mono ends by itself at the timeout; the margin only bounds a stuck poll
		return await(operation, timeout).block(timeout.plusSeconds(30));
	}

	private static Mono<JsonNode> result(String name, Operation finished) {
		Operation.Status error = finished.error();
		if (error != null && error.code() != null && error.code() != 0) {
			List<JsonNode> details = (error.details() != null) ? error.details() : List.of();
			return Mono.error(
					new BlueApiException(200, error.code(), error.message(), details, null, "operation " + name, null));
		}
		return Mono.justOrEmpty(finished.response());
	}

	private static Duration requirePositive(Duration duration, String what) {
		Objects.requireNonNull(duration, what);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(what + " must be positive, got " + duration);
		}
		return duration;
	}

	@Override
	public String toString() {
		return "BlueOperations[backoff " + this.initialInterval + " doubling up to " + this.maxInterval + "]";
	}

}
