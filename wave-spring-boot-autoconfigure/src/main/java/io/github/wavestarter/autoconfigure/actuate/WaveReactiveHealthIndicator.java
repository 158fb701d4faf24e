package io.github.wavestarter.autoconfigure.actuate;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * The {@code wave} health indicator of reactive applications: the state of the
 * application's Wave token, as {@link WaveHealthEvaluator} describes, without blocking.
 * Passive by default (no request is ever made); with {@code wave.health.active=true} it
 * obtains a token through the cache.
 */
class WaveReactiveHealthIndicator implements ReactiveHealthIndicator {

	private final WaveHealthEvaluator evaluator;

	/**
	 * Creates an indicator.
	 * @param evaluator works out the health
	 */
	public WaveReactiveHealthIndicator(WaveHealthEvaluator evaluator) {
		this.evaluator = evaluator;
	}

	@Override
	public Mono<Health> health() {
		return this.evaluator.health();
	}

}
