package io.github.wavestarter.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock that tests move forward by hand. Give the same instance to the emulator
 * ({@link MockWaveServer.Builder#clock(Clock)}: token expiry, journal times) and to the
 * starter (a {@code Clock} bean named {@code waveClock}: renewal, backoff, health), and
 * token renewal can be tested without sleeping:
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.now();
 * MockWaveServer wave = MockWaveServer.builder().clock(clock).tokenExpiresIn(Duration.ofHours(1)).start();
 * // ... obtain a token, then
 * clock.advance(Duration.ofMinutes(59).plusSeconds(30));   // into the renewal window
 * }</pre>
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	/**
	 * Creates a clock.
	 * @param now the instant it shows until moved
	 */
	public MutableClock(Instant now) {
		this.now = Objects.requireNonNull(now, "now");
	}

	/**
	 * A clock at the current time.
	 * @return the clock
	 */
	public static MutableClock now() {
		return new MutableClock(Instant.now());
	}

	/**
	 * Moves the clock.
	 * @param duration how far, forward (or back when negative)
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
