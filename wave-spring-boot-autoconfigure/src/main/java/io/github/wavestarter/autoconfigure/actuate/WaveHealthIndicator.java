package io.github.wavestarter.autoconfigure.actuate;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code wave} health indicator of non-reactive applications: the state of the
 * application's Wave token, as {@link WaveHealthEvaluator} describes. Passive by default
 * (no request is ever made); with {@code wave.health.active=true} it obtains a token
 * through the cache, blocking for at most {@code wave.health.timeout}.
 */
class WaveHealthIndicator implements HealthIndicator {

	private final WaveHealthEvaluator evaluator;

	/**
	 * Creates an indicator.
	 * @param evaluator works out the health
	 */
	public WaveHealthIndicator(WaveHealthEvaluator evaluator) {
		this.evaluator = evaluator;
	}

	@Override
	public Health health() {
		return this.evaluator.blockingHealth();
	}

}
