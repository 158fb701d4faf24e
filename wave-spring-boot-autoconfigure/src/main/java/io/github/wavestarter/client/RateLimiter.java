package io.github.wavestarter.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The pace of one client's Blue API calls: at most {@code rate} calls per second, spaced
 * evenly, with a burst of a tenth of a second's calls (at least one). Each call reserves
 * the next free slot and is told how long to wait for it, so callers queue in the order
 * they came, without a lock and without a thread per waiting call (a generic cell rate
 * algorithm: the state is the theoretical time of the next call).
 */
final class RateLimiter {

	private final long interval;

	private final long tolerance;

	private final LongSupplier nanoTime;

	/** When the next call would be due if calls came at exactly the rate. */
	private final AtomicLong nextDue;

	/**
	 * @param ratePerSecond calls per second, larger than zero
	 * @param nanoTime the time source ({@code System::nanoTime})
	 */
	RateLimiter(double ratePerSecond, LongSupplier nanoTime) {
		this.interval = Math.max(1, Math.round(1_000_000_000d / ratePerSecond));
		long burst = Math.max(1, (long) Math.ceil(ratePerSecond / 10));
		this.tolerance = (burst - 1) * this.interval;
		this.nanoTime = nanoTime;
		this.nextDue = new AtomicLong(nanoTime.getAsLong());
	}

	/**
	 * Reserves a slot for one call.
	 * @return how long the call waits for its slot, zero when it may go now
	 */
	long reserve() {
		while (true) {
			long now = this.nanoTime.getAsLong();
			long due = this.nextDue.get();
			long start = (due - now > 0) ? due : now;
			if (this.nextDue.compareAndSet(due, start + this.interval)) {
				long wait = due - this.tolerance - now;
				return Math.max(wait, 0);
			}
		}
	}

	/**
	 * Holds back the calls that reserve a slot from now on, for a while: the Blue API
	 * answered 429 and asked for it. Calls already waiting keep their slots.
	 * @param delay how long
	 */
	void pause(Duration delay) {
		long until = this.nanoTime.getAsLong() + delay.toNanos() + this.tolerance;
		this.nextDue.accumulateAndGet(until, (current, wanted) -> (wanted - current > 0) ? wanted : current);
	}

	@Override
	public String toString() {
		return "RateLimiter[" + (1_000_000_000d / this.interval) + "/s]";
	}

}
