package io.github.wavestarter.test.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Settings shared by the endpoints; the mutable ones are volatile so tests may change
 * them at runtime. Internal API.
 */
public final class EmulatorSettings {

	public final String clientId;

	public final String clientSecret;

	public final String username;

	public final String password;

	/**
	 * Every client the token endpoint knows by client id, the default one first; never
	 * changes after construction.
	 */
	public final Map<String, Client> clients;

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
		this(clientId, clientSecret, username, password, List.of(), clock, accounts, orgName, streamBatchSize, ripple);
	}

	/**
	 * @param extraClients the clients known besides the default one; their ids differ
	 * from each other and from {@code clientId}
	 */
	public EmulatorSettings(String clientId, String clientSecret, String username, String password,
			List<Client> extraClients, Clock clock, List<Account> accounts, String orgName, int streamBatchSize,
			boolean ripple) {
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.username = username;
		this.password = password;
		Map<String, Client> all = new LinkedHashMap<>();
		all.put(clientId, new Client(clientId, clientSecret, username, password));
		for (Client extra : extraClients) {
			if (all.putIfAbsent(extra.clientId(), extra) != null) {
				throw new IllegalArgumentException("Duplicate client id '" + extra.clientId() + "'");
			}
		}
		this.clients = Collections.unmodifiableMap(all);
		this.clock = clock;
		this.accounts = List.copyOf(accounts);
		this.orgName = orgName;
		this.streamBatchSize = streamBatchSize;
		this.ripple = ripple;
	}

	/**
	 * @return the client with this id, or {@code null} if the emulator knows none
	 */
	public @Nullable Client client(@Nullable String id) {
		return id == null ? null : clients.get(id);
	}

	/**
	 * @return the path of the token endpoint that knows the emulated API client
	 */
	public String tokenPath() {
		return this.ripple ? WaveRouter.RIPPLE_TOKEN_PATH : WaveRouter.TOKEN_PATH;
	}

}
