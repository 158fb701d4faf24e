package io.github.wavestarter.test.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The rate limit of the Blue API: one token bucket per API client, with a capacity of
 * {@code requestsPerSecond} requests, refilled continuously at {@code requestsPerSecond}
 * requests per second. A client's bucket is full when it sends its first request (and
 * again after {@link #reset()} or {@link #setRequestsPerSecond(int)}). The arithmetic is
 * exact, in nanoseconds of a monotonic time source ({@code System.nanoTime()} unless a
 * test injects another). Thread-safe. Internal API.
 */
public final class RateLimiter {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	/**
	 * One request in bucket units: a bucket holds {@code requestsPerSecond} units per
	 * nanosecond of refill, so one request is worth one second of nanoseconds.
	 */
	private static final long UNITS_PER_REQUEST = NANOS_PER_SECOND;

	private final LongSupplier nanoTime;

	private volatile Limit limit;

	/**
	 * @param requestsPerSecond the limit per client; {@code 0} for none
	 * @param nanoTime the monotonic time source in nanoseconds, e.g.
	 * {@code System::nanoTime}
	 * @throws IllegalArgumentException if {@code requestsPerSecond} is negative
	 */
	public RateLimiter(int requestsPerSecond, LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
		this.limit = new Limit(requireValid(requestsPerSecond));
	}

	/**
	 * Checks that a rate limit is valid.
	 * @param requestsPerSecond the limit
	 * @return {@code requestsPerSecond}
	 * @throws IllegalArgumentException if it is negative
	 */
	public static int requireValid(int requestsPerSecond) {
		if (requestsPerSecond < 0) {
			throw new IllegalArgumentException(
					"requestsPerSecond must be >= 0 (0 turns the rate limit off) but was " + requestsPerSecond);
		}
		return requestsPerSecond;
	}

	/**
	 * @return the limit per client in requests per second, {@code 0} when off
	 */
	public int requestsPerSecond() {
		return limit.requestsPerSecond;
	}

	/**
	 * Changes the limit; every client starts again with a full bucket of the new size.
	 * @param requestsPerSecond the limit per client; {@code 0} for none
	 * @throws IllegalArgumentException if it is negative
	 */
	public void setRequestsPerSecond(int requestsPerSecond) {
		this.limit = new Limit(requireValid(requestsPerSecond));
	}

	/** Fills every client's bucket again (forgets them), keeping the limit. */
	public void reset() {
		setRequestsPerSecond(requestsPerSecond());
	}

	/**
	 * Takes one request from the client's bucket if it has one.
	 * @param clientId the client the request authenticated as
	 * @return {@code 0} if the request is admitted (always when the limit is off), else
	 * the whole seconds until the bucket holds one request again, rounded up and at least
	 * {@code 1} (the {@code Retry-After} of the rejection)
	 */
	public long tryAcquire(String clientId) {
		Limit current = this.limit;
		if (current.requestsPerSecond == 0) {
			return 0;
		}
		return current.buckets.computeIfAbsent(clientId, (id) -> new Bucket(current.capacity(), nanoTime.getAsLong()))
			.tryAcquire(current.requestsPerSecond, current.capacity(), nanoTime.getAsLong());
	}

	/** A limit and the buckets of the clients that sent requests under it. */
	private static final class Limit {

		final int requestsPerSecond;

		final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

		Limit(int requestsPerSecond) {
			this.requestsPerSecond = requestsPerSecond;
		}

		/** At most {@code Integer.MAX_VALUE * 10^9}, far from overflowing a long. */
		long capacity() {
			return requestsPerSecond * UNITS_PER_REQUEST;
		}

	}

	/** One client's bucket, in units of {@link #UNITS_PER_REQUEST} per request. */
	private static final class Bucket {

		private long units;

		private long lastRefillNanos;

		Bucket(long capacity, long now) {
			this.units = capacity;
			this.lastRefillNanos = now;
		}

		synchronized long tryAcquire(int requestsPerSecond, long capacity, long now) {
			long elapsed = now - this.lastRefillNanos;
			if (elapsed > 0) {
				// a second refills the whole bucket; capping first keeps the product in
				// range
				long refill = Math.min(elapsed, NANOS_PER_SECOND) * requestsPerSecond;
				this.units = Math.min(capacity, this.units + refill);
				this.lastRefillNanos = now;
			}
			if (this.units >= UNITS_PER_REQUEST) {
				this.units -= UNITS_PER_REQUEST;
				return 0;
			}
			long missing = UNITS_PER_REQUEST - this.units;
			long nanosToWait = ceilDiv(missing, requestsPerSecond);
			return Math.max(1, ceilDiv(nanosToWait, NANOS_PER_SECOND));
		}

		private static long ceilDiv(long dividend, long divisor) {
			return -Math.floorDiv(-dividend, divisor);
		}

	}

}
