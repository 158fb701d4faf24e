package io.github.wavestarter.test;

import io.github.wavestarter.test.internal.EmulatorSettings;
import io.github.wavestarter.test.internal.TokenStore;
import io.github.wavestarter.test.journal.IssuedTokenSet;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The tokens of an emulator and how its token endpoint issues them,
 * {@link MockWaveServer#tokens()}:
 *
 * <pre>{@code
 * server.tokens().revokeAll();                          // the API answers 401 for every token so far
 * server.tokens().expiresIn(Duration.ofSeconds(2));     // tokens issued from now on
 * server.tokens().responseDelay(Duration.ofMillis(500)); // a slow identity provider
 * }</pre>
 *
 * The settings changed here hold until {@link MockWaveServer#reset()}, which restores
 * those the emulator was built with. Thread-safe.
 */
public final class MockWaveTokens {

	private final EmulatorSettings settings;

	private final TokenStore store;

	MockWaveTokens(EmulatorSettings settings, TokenStore store) {
		this.settings = settings;
		this.store = store;
	}

	/**
	 * Issues a valid access token directly, without an HTTP request (not journaled), for
	 * tests that only exercise the Blue API.
	 * @return the access token
	 */
	public String issueAccessToken() {
		return issueAccessToken(settings.clientId);
	}

	/**
	 * Issues a valid access token of the {@code client_credentials} grant for a client of
	 * the emulator (the default one or one added with
	 * {@link MockWaveServer.Builder#client(MockApiClient)}) directly, without an HTTP
	 * request (not journaled). The token is bound to that client: the journal attributes
	 * the API requests that carry it to {@code clientId}.
	 * @param clientId the id of a known client
	 * @return the access token
	 * @throws IllegalArgumentException if the emulator knows no client with this id
	 */
	public String issueAccessToken(String clientId) {
		Objects.requireNonNull(clientId, "clientId");
		if (settings.client(clientId) == null) {
			throw new IllegalArgumentException(
					"Unknown client id '" + clientId + "'; the emulator knows " + settings.clients.keySet());
		}
		return store
			.issue(clientId, clientId, "client_credentials", settings.omitExpiresIn ? 0 : settings.expiresInSeconds)
			.accessToken();
	}

	/**
	 * Revokes every access and refresh token issued so far: the API answers 401 (code 16)
	 * for them.
	 */
	public void revokeAll() {
		store.revokeAll();
	}

	/**
	 * Every token set issued since start, oldest first, including revoked and expired
	 * ones and those of {@link #issueAccessToken()}; not cleared by
	 * {@link MockWaveServer#reset()}. Useful to assert that no token value ever reaches a
	 * log.
	 * @return the issued token sets (their {@code toString()} masks the values)
	 */
	public List<IssuedTokenSet> issued() {
		return store.issued();
	}

	/**
	 * @return number of issued, not revoked access tokens (expired ones included)
	 */
	public int activeCount() {
		return store.activeCount();
	}

	/**
	 * Sets the {@code expires_in} of tokens issued from now on; it is enforced when &gt;
	 * 0.
	 * @param expiresIn the lifetime, in whole seconds
	 * @return this
	 */
	public MockWaveTokens expiresIn(Duration expiresIn) {
		settings.expiresInSeconds = expiresIn.toSeconds();
		settings.omitExpiresIn = false;
		return this;
	}

	/**
	 * Leaves {@code expires_in} out of token responses; such tokens never expire.
	 * @return this
	 */
	public MockWaveTokens omitExpiresIn() {
		settings.omitExpiresIn = true;
		return this;
	}

	/**
	 * Also accepts {@code application/x-www-form-urlencoded} token requests when
	 * {@code true}.
	 * @param lenient whether to accept them
	 * @return this
	 */
	public MockWaveTokens lenientFormEncoding(boolean lenient) {
		settings.lenientFormEncoding = lenient;
		return this;
	}

	/**
	 * Enables or disables the {@code refresh_token} grant.
	 * @param enabled whether the grant is supported
	 * @return this
	 */
	public MockWaveTokens refreshTokenGrant(boolean enabled) {
		settings.refreshTokenGrant = enabled;
		return this;
	}

	/**
	 * Delays every token endpoint answer from now on (a slow identity provider), e.g. to
	 * let concurrent callers pile up or to trigger client timeouts. Unlike a fault delay
	 * it applies to every request until changed, and it comes before any armed fault.
	 * @param delay the delay; {@link Duration#ZERO} turns it off
	 * @return this
	 */
	public MockWaveTokens responseDelay(Duration delay) {
		settings.tokenResponseDelay = requireNotNegative(delay);
		return this;
	}

	static Duration requireNotNegative(Duration delay) {
		if (Objects.requireNonNull(delay, "delay").isNegative()) {
			throw new IllegalArgumentException("delay must not be negative");
		}
		return delay;
	}

}
