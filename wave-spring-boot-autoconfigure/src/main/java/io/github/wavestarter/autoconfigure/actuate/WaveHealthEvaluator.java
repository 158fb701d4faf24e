package io.github.wavestarter.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.wavestarter.token.TokenState;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.github.wavestarter.token.WaveTokenException;
import io.github.wavestarter.token.WaveTokenManager;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;

/**
 * Works out the health of the Wave token, shared by {@link WaveHealthIndicator} and
 * {@link WaveReactiveHealthIndicator}.
 * <p>
 * Passive (the default), it reads the token manager's {@link TokenState} and calls
 * nothing:
 * <ul>
 * <li>{@code UNKNOWN}: no token was ever requested, or the last token has expired and
 * none was needed since (the next API call obtains one);</li>
 * <li>{@code DOWN}: the last acquisition failed (details {@code lastErrorCode},
 * {@code lastErrorAt});</li>
 * <li>{@code UP} with {@code renewal=failing}: the last renewal failed but the current
 * token is still valid and in use until {@code expiresAt} (details {@code lastErrorCode},
 * {@code lastErrorAt}, {@code nextRenewalAttemptAt}); calls keep working until then, so
 * the application is degraded, not down;</li>
 * <li>{@code UP}: the current token is valid (details {@code acquiredAt},
 * {@code expiresAt}).</li>
 * </ul>
 * Active, it first obtains a token through the manager's cache (no request while the
 * cached token is valid), then reports as above, or {@code DOWN} with the error code when
 * no token could be obtained.
 * <p>
 * Details never contain a token, a secret, or anything derived from one.
 */
final class WaveHealthEvaluator {

	/** Error code reported when an active check does not complete in time. */
	public static final String HEALTH_CHECK_TIMEOUT = "health_check_timeout";

	private final WaveAccessTokenProvider tokens;

	private final Supplier<TokenState> state;

	private final String registrationId;

	private final boolean active;

	private final Duration timeout;

	private final Clock clock;

	/**
	 * Creates an evaluator.
	 * @param tokens the token provider (used by active checks only)
	 * @param state the token manager's state, or a supplier of {@code null} when the
	 * provider keeps none
	 * @param registrationId the Wave registration id, shown in the details
	 * @param active whether a token is obtained (through the cache) on each check
	 * @param timeout how long an active check waits for a token
	 * @param clock the clock
	 */
	public WaveHealthEvaluator(WaveAccessTokenProvider tokens, Supplier<TokenState> state, String registrationId,
			boolean active, Duration timeout, Clock clock) {
		this.tokens = tokens;
		this.state = state;
		this.registrationId = registrationId;
		this.active = active;
		this.timeout = timeout;
		this.clock = clock;
	}

	/**
	 * Creates an evaluator for a provider, reading its state when it is a
	 * {@link WaveTokenManager}.
	 * @param tokens the token provider
	 * @param registrationId the Wave registration id
	 * @param active whether checks obtain a token
	 * @param timeout how long an active check waits
	 * @return the evaluator
	 */
	public static WaveHealthEvaluator of(WaveAccessTokenProvider tokens, String registrationId, boolean active,
			Duration timeout) {
		if (tokens instanceof WaveTokenManager manager) {
			return new WaveHealthEvaluator(tokens, manager::getState, registrationId, active, timeout,
					manager.getClock());
		}
		return new WaveHealthEvaluator(tokens, () -> null, registrationId, active, timeout, Clock.systemUTC());
	}

	/**
	 * Whether checks obtain a token.
	 * @return whether the evaluator is active
	 */
	public boolean isActive() {
		return this.active;
	}

	/**
	 * The health, without blocking when passive.
	 * @return the health
	 */
	public Mono<Health> health() {
		if (!this.active) {
			return Mono.fromSupplier(this::passiveHealth);
		}
		return this.tokens.getAccessToken()
			.timeout(this.timeout)
			.map((token) -> passiveHealth())
			.onErrorResume((failure) -> Mono.just(failedHealth(failure)))
			.switchIfEmpty(Mono.fromSupplier(this::passiveHealth));
	}

	/**
	 * The health, blocking for at most the timeout when active. Never call it on a
	 * non-blocking thread when active.
	 * @return the health
	 */
	public Health blockingHealth() {
		if (!this.active) {
			return passiveHealth();
		}
		Health health = health().block(this.timeout.plusSeconds(1));
		return (health != null) ? health : passiveHealth();
	}

	/**
	 * The health from the token state alone.
	 * @return the health
	 */
	public Health passiveHealth() {
		TokenState current = this.state.get();
		Health.Builder builder = base();
		if (current == null) {
			return builder.unknown().withDetail("reason", "token state not available").build();
		}
		addTimes(builder, current);
		Instant now = this.clock.instant();
		if (current.lastAcquisitionFailed() && current.renewalFailing() && current.expiresAt() != null
				&& now.isBefore(current.expiresAt())) {
			return builder.up()
				.withDetail("renewal", "failing")
				.withDetail("reason", "renewing the token fails; the current token stays in use until expiresAt")
				.withDetail("lastErrorCode", current.lastErrorCode())
				.withDetail("lastErrorAt", format(current.lastErrorAt()))
				.withDetail("nextRenewalAttemptAt", format(current.nextRenewalAttemptAt()))
				.build();
		}
		if (current.lastAcquisitionFailed()) {
			return builder.down()
				.withDetail("lastErrorCode", current.lastErrorCode())
				.withDetail("lastErrorAt", format(current.lastErrorAt()))
				.build();
		}
		if (!current.hasAcquired()) {
			return builder.unknown().withDetail("reason", "no token requested yet").build();
		}
		Instant expiresAt = current.expiresAt();
		if (expiresAt != null && !now.isBefore(expiresAt)) {
			return builder.unknown().withDetail("reason", "token expired and not needed since").build();
		}
		return builder.up().build();
	}

	private Health failedHealth(Throwable failure) {
		Health health = passiveHealth();
		Health.Builder builder = Health.down().withDetails(health.getDetails());
		builder.withDetail("errorCode", errorCode(failure));
		return builder.build();
	}

	private Health.Builder base() {
		return new Health.Builder().withDetail("registrationId", this.registrationId)
			.withDetail("mode", this.active ? "active" : "passive");
	}

	private static void addTimes(Health.Builder builder, TokenState state) {
		if (state.lastAcquiredAt() != null) {
			builder.withDetail("acquiredAt", format(state.lastAcquiredAt()));
		}
		if (state.expiresAt() != null) {
			builder.withDetail("expiresAt", format(state.expiresAt()));
		}
	}

	static String errorCode(Throwable failure) {
		return (failure instanceof TimeoutException) ? HEALTH_CHECK_TIMEOUT : WaveTokenException.errorCodeOf(failure);
	}

	private static String format(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
