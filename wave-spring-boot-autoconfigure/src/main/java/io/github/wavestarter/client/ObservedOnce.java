package io.github.wavestarter.client;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * A started observation that is stopped once, by whichever of a call's signals comes
 * first (an answer, a failure, a cancel): stopped twice, it would be recorded twice. A
 * reactive step stops it on its signal, before the signal goes downstream, so that the
 * metric is there once the caller has the answer.
 */
final class ObservedOnce {

	private final Observation observation;

	private final AtomicBoolean stopped = new AtomicBoolean();

	ObservedOnce(Observation observation) {
		this.observation = observation.start();
	}

	/** Stops the observation, unless it was stopped already. */
	void stop() {
		if (this.stopped.compareAndSet(false, true)) {
			this.observation.stop();
		}
	}

	/**
	 * Stops the observation with an outcome, unless it was stopped already.
	 * @param key the outcome's key
	 * @param outcome the outcome
	 * @param failure what failed, or {@code null}
	 */
	void stop(String key, String outcome, @Nullable Throwable failure) {
		if (this.stopped.compareAndSet(false, true)) {
			this.observation.lowCardinalityKeyValue(key, outcome);
			if (failure != null) {
				this.observation.error(failure);
			}
			this.observation.stop();
		}
	}

}
