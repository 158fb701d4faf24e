package io.github.wavestarter.autoconfigure.actuate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code wave} health indicator ({@code wave.health.*}). Turn the
 * indicator off with {@code management.health.wave.enabled=false}.
 */
@ConfigurationProperties("wave.health")
public class WaveHealthProperties {

	/**
	 * Whether each health check obtains a token through the token cache (no token request
	 * while the cached token is valid), instead of only reporting the state of the last
	 * acquisition.
	 */
	private boolean active = false;

	/**
	 * How long an active health check waits for a token before reporting DOWN.
	 */
	private Duration timeout = Duration.ofSeconds(10);

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}
