package io.github.wavestarter.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Holds the application's one Wave access token: every thread, request, scheduler and
 * reactive pipeline of the application shares it.
 * <p>
 * A valid cached token is returned without any I/O or lock. When there is none (cold
 * start, expired, or the API rejected it), the first caller starts one acquisition and
 * every concurrent caller joins it ("single flight"): one token request however many
 * callers wait, and all of them get its token or its error. A failure is not cached, so
 * the next call tries again.
 * <p>
 * Renewal never fails a call while the cached token is still valid: from the renewal time
 * ({@code wave.token.clock-skew} before expiry) callers keep getting the cached token
 * while one acquisition runs in the background. When that renewal fails, the token stays
 * in use until it expires and the renewal is tried again after a backoff
 * ({@value #FIRST_RENEWAL_BACKOFF_SECONDS} s, doubled after each failure, at most
 * {@value #MAX_RENEWAL_BACKOFF_SECONDS} s); {@link #getState()} reports the failing
 * renewal. Only once the token has expired do callers wait for (and fail with) an
 * acquisition.
 * <p>
 * A token the API rejects ({@link #invalidate(OAuth2AccessToken)}) is dropped and renewed
 * at once, but at most once per {@code forcedRenewalInterval}: when the token obtained by
 * the last forced renewal is rejected again within that interval, it is kept and
 * {@link #invalidateRejected(OAuth2AccessToken)} answers {@code false}, so that a
 * permission problem fails calls with the API's error instead of costing one token
 * request per call.
 * <p>
 * Acquisition goes through Spring Security's
 * {@link AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager}, with a private
 * registration repository and authorized client store (never published as beans) and the
 * application as its one principal, so it works outside any HTTP request.
 */
public class WaveTokenManager implements WaveAccessTokenProvider {

	/** Name of the principal the application's token is stored under. */
	public static final String APPLICATION_PRINCIPAL = "wave-application";

	/** Backoff after the first failed background renewal, in seconds. */
	public static final long FIRST_RENEWAL_BACKOFF_SECONDS = 1;

	/** Longest backoff between failed background renewals, in seconds. */
	public static final long MAX_RENEWAL_BACKOFF_SECONDS = 30;

	private static final Log logger = LogFactory.getLog(WaveTokenManager.class);

	private final String registrationId;

	private final String clientTag;

	private final String grantType;

	private final ReactiveOAuth2AuthorizedClientService clientService;

	private final AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager clientManager;

	private final OAuth2AuthorizeRequest authorizeRequest;

	private final TokenRenewalPolicy renewalPolicy;

	private final Clock clock;

	private final ObservationRegistry observationRegistry;

	private final Duration forcedRenewalInterval;

	private final AtomicReference<CachedToken> current = new AtomicReference<>();

	private final AtomicReference<Acquisition> inFlight = new AtomicReference<>();

	private volatile boolean storedTokenRejected;

	private volatile @Nullable Instant lastForcedRenewalAt;

	private volatile int failedRenewals;

	private volatile @Nullable Instant nextRenewalAttemptAt;

	private volatile TokenState state = TokenState.NEVER_ACQUIRED;

	/**
	 * Creates a manager.
	 * @param registration the Wave client registration
	 * @param provider obtains and renews tokens
	 * @param renewalPolicy when a cached token is renewed (its clock is the manager's)
	 * @param observationRegistry where acquisitions are observed
	 * @param forcedRenewalInterval shortest time between two renewals forced by the API
	 * rejecting the token; zero renews on every rejection
	 * @param clientTag the value of the {@value TokenObservations#CLIENT} tag
	 */
	WaveTokenManager(ClientRegistration registration, ReactiveOAuth2AuthorizedClientProvider provider,
			TokenRenewalPolicy renewalPolicy, ObservationRegistry observationRegistry, Duration forcedRenewalInterval,
			String clientTag) {
		Assert.isTrue(!forcedRenewalInterval.isNegative(), "forcedRenewalInterval must not be negative");
		InMemoryReactiveClientRegistrationRepository registrations = new InMemoryReactiveClientRegistrationRepository(
				registration);
		this.registrationId = registration.getRegistrationId();
		this.clientTag = clientTag;
		this.grantType = registration.getAuthorizationGrantType().getValue();
		this.clientService = new InMemoryReactiveOAuth2AuthorizedClientService(registrations);
		this.clientManager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations,
				this.clientService);
		this.clientManager.setAuthorizedClientProvider(provider);
		this.authorizeRequest = OAuth2AuthorizeRequest.withClientRegistrationId(this.registrationId)
			.principal(APPLICATION_PRINCIPAL)
			.build();
		this.renewalPolicy = renewalPolicy;
		this.clock = renewalPolicy.clock();
		this.observationRegistry = observationRegistry;
		this.forcedRenewalInterval = forcedRenewalInterval;
	}

	/**
	 * Starts building a manager for a registration.
	 * @param registration the Wave client registration (client id and secret, grant type,
	 * scope, token URI)
	 * @param tokenEndpointClient the client that posts token requests (built from Boot's
	 * {@code WebClient.Builder}, without the Wave bearer filter)
	 * @param settings how tokens are requested and renewed
	 * @return the builder
	 */
	public static Builder builder(ClientRegistration registration, WebClient tokenEndpointClient, Settings settings) {
		return new Builder(registration, tokenEndpointClient, settings);
	}

	@Override
	public Mono<OAuth2AccessToken> getAccessToken() {
		return Mono.defer(() -> {
			CachedToken cached = this.current.get();
			if (cached != null) {
				Instant now = this.clock.instant();
				if (now.isBefore(cached.renewAt())) {
					return cached.mono();
				}
				if (cached.isValid(now)) {
					renewInBackground(now);
					return cached.mono();
				}
			}
			return joinOrStartAcquisition();
		});
	}

	@Override
	public void invalidate(OAuth2AccessToken rejected) {
		invalidateRejected(rejected);
	}

	@Override
	public boolean invalidateRejected(OAuth2AccessToken rejected) {
		CachedToken cached = this.current.get();
		if (cached == null || !cached.token().getTokenValue().equals(rejected.getTokenValue())) {
			return true;
		}
		Instant now = this.clock.instant();
		Instant last = this.lastForcedRenewalAt;
		if (last != null && now.isBefore(last.plus(this.forcedRenewalInterval))) {
			if (logger.isDebugEnabled()) {
				logger.debug("The Blue API rejected the Wave access token of registration '" + this.registrationId
						+ "' again; keeping it, since the last forced " + "renewal was less than "
						+ this.forcedRenewalInterval
						+ " ago (wave.token.forced-renewal-interval): the call fails with the API's answer");
			}
			return false;
		}
		if (this.current.compareAndSet(cached, null)) {
			this.lastForcedRenewalAt = now;
			this.storedTokenRejected = true;
			this.failedRenewals = 0;
			this.nextRenewalAttemptAt = null;
			this.state = this.state.rejected();
			logger.debug("The Blue API rejected the Wave access token of registration '" + this.registrationId
					+ "'; the next call obtains a new one");
		}
		return true;
	}

	/**
	 * What the manager knows of its token, for health checks.
	 * @return the state; never holds a token
	 */
	public TokenState getState() {
		return this.state;
	}

	/**
	 * The clock the manager reads.
	 * @return the clock
	 */
	public Clock getClock() {
		return this.clock;
	}

	/**
	 * The registration this manager obtains tokens for.
	 * @return the registration id
	 */
	public String getRegistrationId() {
		return this.registrationId;
	}

	/**
	 * Completes once no acquisition is in flight: at once when none runs, else when the
	 * running one (and any started meanwhile) has ended, whatever its outcome. A test
	 * aid, for tests that move a fake {@code waveClock}: a call that finds its token due
	 * for renewal returns at once and leaves a background renewal running, which has to
	 * end before the clock moves on, or the clock may outrun it (the token expires while
	 * the renewal is still in flight).
	 * @return completes, never with an error, once the manager is idle
	 */
	Mono<Void> whenIdle() {
		return Mono.defer(() -> {
			Acquisition running = this.inFlight.get();
			if (running == null) {
				return Mono.empty();
			}
			return running.result().asMono().onErrorComplete().then(whenIdle());
		});
	}

	private Mono<OAuth2AccessToken> joinOrStartAcquisition() {
		while (true) {
			Acquisition running = this.inFlight.get();
			if (running != null) {
				running.observation().event(TokenObservations.JOINED);
				return running.result().asMono();
			}
			CachedToken cached = this.current.get();
			if (cached != null && cached.isValid(this.clock.instant())) {
				return getAccessToken();
			}
			Acquisition acquisition = newAcquisition();
			if (this.inFlight.compareAndSet(null, acquisition)) {
				start(acquisition);
				return acquisition.result().asMono();
			}
		}
	}

	/**
	 * Starts a renewal nobody waits for, unless one runs already or the last renewal
	 * failed less than its backoff ago.
	 */
	private void renewInBackground(Instant now) {
		Instant notBefore = this.nextRenewalAttemptAt;
		if ((notBefore != null && now.isBefore(notBefore)) || this.inFlight.get() != null) {
			return;
		}
		Acquisition acquisition = newAcquisition();
		if (this.inFlight.compareAndSet(null, acquisition)) {
			logger.debug("Renewing the Wave access token of registration '" + this.registrationId
					+ "' in the background; the current one stays in use meanwhile");
			start(acquisition);
		}
	}

	private Acquisition newAcquisition() {
		return new Acquisition(Sinks.one(),
				Observation.createNotStarted(TokenObservations.TOKEN_ACQUISITION, this.observationRegistry)
					.contextualName("wave token acquisition")
					.lowCardinalityKeyValue(TokenObservations.GRANT_TYPE, this.grantType)
					.lowCardinalityKeyValue(TokenObservations.CLIENT, this.clientTag));
	}

	private void start(Acquisition acquisition) {
		acquisition.observation().start();
		Mono.defer(this::authorize)
			.contextWrite((context) -> context.put(TokenObservations.CONTEXT_KEY, acquisition.observation()))
			.subscribe((token) -> succeeded(acquisition, token), (failure) -> failed(acquisition, failure));
	}

	private Mono<OAuth2AccessToken> authorize() {
		Mono<Void> forgetRejected = Mono.empty();
		if (this.storedTokenRejected) {
			this.storedTokenRejected = false;
			forgetRejected = this.clientService.removeAuthorizedClient(this.registrationId, APPLICATION_PRINCIPAL);
		}
		return forgetRejected.then(this.clientManager.authorize(this.authorizeRequest))
			.map(OAuth2AuthorizedClient::getAccessToken)
			.switchIfEmpty(Mono.error(() -> new WaveTokenException(
					new OAuth2Error(WaveTokenException.INVALID_TOKEN_RESPONSE,
							"No token was obtained for registration '" + this.registrationId + "'", null),
					0, false, null, null)));
	}

	private void succeeded(Acquisition acquisition, OAuth2AccessToken token) {
		this.current.set(new CachedToken(token, this.renewalPolicy.renewAt(token), Mono.just(token)));
		this.failedRenewals = 0;
		this.nextRenewalAttemptAt = null;
		this.state = this.state.acquired(this.clock.instant(), token.getExpiresAt());
		this.inFlight.compareAndSet(acquisition, null);
		acquisition.observation()
			.lowCardinalityKeyValue(TokenObservations.OUTCOME, "success")
			.lowCardinalityKeyValue(TokenObservations.ERROR_CODE, "none")
			.stop();
		if (logger.isDebugEnabled()) {
			logger.debug("Obtained a Wave access token for registration '" + this.registrationId + "', expires at "
					+ token.getExpiresAt());
		}
		acquisition.result().tryEmitValue(token);
	}

	private void failed(Acquisition acquisition, Throwable failure) {
		String errorCode = WaveTokenException.errorCodeOf(failure);
		Instant now = this.clock.instant();
		CachedToken cached = this.current.get();
		if (cached != null && cached.isValid(now)) {
			int failures = ++this.failedRenewals;
			Instant nextAttempt = now.plus(renewalBackoff(failures));
			this.nextRenewalAttemptAt = nextAttempt;
			this.state = this.state.renewalFailed(errorCode, now, nextAttempt);
			logger.warn("Could not renew the Wave access token for registration '" + this.registrationId + "' ("
					+ errorCode + "); the current token stays in use until " + cached.token().getExpiresAt()
					+ ", next renewal attempt from " + nextAttempt);
		}
		else {
			this.state = this.state.failed(errorCode, now);
		}
		this.inFlight.compareAndSet(acquisition, null);
		acquisition.observation()
			.lowCardinalityKeyValue(TokenObservations.OUTCOME, "failure")
			.lowCardinalityKeyValue(TokenObservations.ERROR_CODE, errorCode)
			.error(failure)
			.stop();
		if (logger.isDebugEnabled()) {
			logger.debug("Could not obtain a Wave access token for registration '" + this.registrationId + "': "
					+ describe(failure));
		}
		acquisition.result().tryEmitError(failure);
	}

	static Duration renewalBackoff(int failures) {
		long seconds = FIRST_RENEWAL_BACKOFF_SECONDS << Math.min(failures - 1, 16);
		return Duration.ofSeconds(Math.min(seconds, MAX_RENEWAL_BACKOFF_SECONDS));
	}

	/**
	 * A failure for the log: a token exception's message (whose server text is already
	 * cleaned and masked), else only the failure's type.
	 */
	private static String describe(Throwable failure) {
		return (failure instanceof WaveTokenException) ? failure.getMessage() : failure.getClass().getName();
	}

	/**
	 * How tokens are requested and renewed: the {@code wave.token.*} settings.
	 *
	 * @param timeout timeout of one token request attempt
	 * @param maxAttempts attempts in all for transient failures (at least 1)
	 * @param retryBackoff backoff before the first retry
	 * @param defaultExpiresIn lifetime assumed when a response has no {@code expires_in}
	 * @param clockSkew how long before expiry a token is renewed, at most
	 * @param forcedRenewalInterval shortest time between two renewals forced by the API
	 * rejecting the token
	 * @param useRefreshToken whether renewal tries the {@code refresh_token} grant first
	 */
	public record Settings(Duration timeout, int maxAttempts, Duration retryBackoff, Duration defaultExpiresIn,
			Duration clockSkew, Duration forcedRenewalInterval, boolean useRefreshToken) {

		/**
		 * Checks the settings.
		 * @throws IllegalArgumentException when a duration is negative, a timeout or
		 * lifetime is not positive, or {@code maxAttempts} is below 1
		 */
		public Settings {
			Assert.isTrue(timeout.compareTo(Duration.ZERO) > 0, "timeout must be positive");
			Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
			Assert.isTrue(!retryBackoff.isNegative(), "retryBackoff must not be negative");
			Assert.isTrue(defaultExpiresIn.compareTo(Duration.ZERO) > 0, "defaultExpiresIn must be positive");
			Assert.isTrue(!clockSkew.isNegative(), "clockSkew must not be negative");
			Assert.isTrue(!forcedRenewalInterval.isNegative(), "forcedRenewalInterval must not be negative");
		}

		/**
		 * The longest one acquisition can take: every attempt with its timeout, and
		 * before each retry the longest wait, the backoff cap or a {@code Retry-After} of
		 * up to the timeout. A blocking caller waits this long at most.
		 * @return the duration
		 */
		public Duration longestAcquisition() {
			Duration longestWait = (this.timeout.compareTo(TokenRequestRetry.MAX_BACKOFF) > 0) ? this.timeout
					: TokenRequestRetry.MAX_BACKOFF;
			return this.timeout.plus(longestWait).multipliedBy(this.maxAttempts);
		}

	}

	/**
	 * Builds a {@link WaveTokenManager}.
	 */
	public static final class Builder {

		private final ClientRegistration registration;

		private final WebClient tokenEndpointClient;

		private @Nullable String username;

		private @Nullable String password;

		private final Settings settings;

		private JsonMapper jsonMapper = JsonMapper.shared();

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private Clock clock = Clock.systemUTC();

		private String clientTag = TokenObservations.DEFAULT_CLIENT;

		private Builder(ClientRegistration registration, WebClient tokenEndpointClient, Settings settings) {
			this.registration = registration;
			this.tokenEndpointClient = tokenEndpointClient;
			this.settings = settings;
		}

		/**
		 * The Wave user of the {@code password} grant.
		 * @param username the user name
		 * @param password the password
		 * @return this builder
		 */
		public Builder user(@Nullable String username, @Nullable String password) {
			this.username = username;
			this.password = password;
			return this;
		}

		/**
		 * The mapper that reads token responses.
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			this.jsonMapper = jsonMapper;
			return this;
		}

		/**
		 * Where acquisitions are observed.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * The clock of token expiry, renewal and backoff.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * The value of the {@code wave.client} tag of the acquisition metrics: the name
		 * of a configured client, {@code default} (the default) for the client of
		 * {@code wave.*}. Keep the set of values small: each one is a time series.
		 * @param clientTag the tag value
		 * @return this builder
		 */
		public Builder clientTag(String clientTag) {
			this.clientTag = clientTag;
			return this;
		}

		/**
		 * Builds the manager.
		 * @return the manager
		 */
		public WaveTokenManager build() {
			WaveGrantType grantType = WaveGrantType.of(this.registration.getAuthorizationGrantType());
			String username = this.username;
			String password = this.password;
			TokenRenewalPolicy renewalPolicy = new TokenRenewalPolicy(this.settings.clockSkew(), this.clock);
			WaveAuthorizedClientProvider provider = new WaveAuthorizedClientProvider(
					new WaveTokenResponseClient(this.tokenEndpointClient, this.jsonMapper, this.settings),
					(registration) -> grantType.createRequest(registration, username, password), renewalPolicy,
					this.settings.useRefreshToken());
			return new WaveTokenManager(this.registration, provider, renewalPolicy, this.observationRegistry,
					this.settings.forcedRenewalInterval(), this.clientTag);
		}

	}

	private record CachedToken(OAuth2AccessToken token, Instant renewAt, Mono<OAuth2AccessToken> mono) {

		boolean isValid(Instant now) {
			Instant expiresAt = this.token.getExpiresAt();
			return expiresAt == null || now.isBefore(expiresAt);
		}

	}

	private record Acquisition(Sinks.One<OAuth2AccessToken> result, Observation observation) {

	}

}
