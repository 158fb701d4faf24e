package io.github.wavestarter.test.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Settings shared by the endpoints; the mutable ones are volatile so tests may change
 * them at runtime. Internal API.
 */
public final class EmulatorSettings {

	public final String clientId;

	public final String clientSecret;

	public final String username;

	public final String password;

	public final Clock clock;

	public final List<Account> accounts;

	public final String orgName;

	public final int streamBatchSize;

	/** Whether the emulated API client is a Ripple client (else a Wave client). */
	public final boolean ripple;

	/** Advertised {@code expires_in} in seconds; enforced when &gt; 0. */
	public volatile long expiresInSeconds;

	/**
	 * Whether {@code expires_in} is left out of token responses (tokens then never
	 * expire).
	 */
	public volatile boolean omitExpiresIn;

	public volatile boolean lenientFormEncoding;

	/** Wait before every token endpoint answer; never {@code null}. */
	public volatile Duration tokenResponseDelay = Duration.ZERO;

	public volatile boolean refreshTokenGrant;

	/**
	 * Rows per costs:read response; &lt;= 0 means one row per day, account and service.
	 */
	public volatile long costRowsPerRequest;

	public EmulatorSettings(String clientId, String clientSecret, String username, String password, Clock clock,
			List<Account> accounts, String orgName, int streamBatchSize, boolean ripple) {
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.username = username;
		this.password = password;
		this.clock = clock;
		this.accounts = List.copyOf(accounts);
		this.orgName = orgName;
		this.streamBatchSize = streamBatchSize;
		this.ripple = ripple;
	}

	/**
	 * @return the path of the token endpoint that knows the emulated API client
	 */
	public String tokenPath() {
		return this.ripple ? WaveRouter.RIPPLE_TOKEN_PATH : WaveRouter.TOKEN_PATH;
	}

}
