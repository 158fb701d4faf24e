package io.github.wavestarter.token;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.github.wavestarter.observation.WaveObservations;
import io.github.wavestarter.token.grant.TokenRenewalPolicy;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

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

/**
 * Holds the application's one Wave access token: every thread, request, scheduler and
 * reactive pipeline of the application shares it.
 * <p>
 * A valid cached token is returned without any I/O or lock. When there is none (cold
 * start, renewal due, or the API rejected it), the first caller starts one acquisition
 * and every concurrent caller joins it ("single flight"): one token request however many
 * callers wait, and all of them get its token or its error. A failure is not cached, so
 * the next call tries again.
 * <p>
 * Acquisition goes through Spring Security's
 * {@link AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager}, with a private
 * registration repository and authorized client store (never published as beans) and the
 * application as its one principal, so it works outside any HTTP request.
 */
public class WaveTokenManager implements WaveAccessTokenProvider {

	/** Name of the principal the application's token is stored under. */
	public static final String APPLICATION_PRINCIPAL = "wave-application";

	private static final Log logger = LogFactory.getLog(WaveTokenManager.class);

	private final String registrationId;

	private final String grantType;

	private final ReactiveOAuth2AuthorizedClientService clientService;

	private final AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager clientManager;

	private final OAuth2AuthorizeRequest authorizeRequest;

	private final TokenRenewalPolicy renewalPolicy;

	private final Clock clock;

	private final ObservationRegistry observationRegistry;

	private final AtomicReference<CachedToken> current = new AtomicReference<>();

	private final AtomicReference<Acquisition> inFlight = new AtomicReference<>();

	private volatile boolean storedTokenRejected;

	private volatile TokenState state = TokenState.NEVER_ACQUIRED;

	/**
	 * Creates a manager.
	 * @param registration the Wave client registration
	 * @param provider obtains and renews tokens
	 * @param renewalPolicy when a cached token is renewed
	 * @param observationRegistry where acquisitions are observed
	 */
	public WaveTokenManager(ClientRegistration registration, ReactiveOAuth2AuthorizedClientProvider provider,
			TokenRenewalPolicy renewalPolicy, ObservationRegistry observationRegistry) {
		InMemoryReactiveClientRegistrationRepository registrations = new InMemoryReactiveClientRegistrationRepository(
				registration);
		this.registrationId = registration.getRegistrationId();
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
	}

	@Override
	public Mono<OAuth2AccessToken> getAccessToken() {
		return Mono.defer(() -> {
			CachedToken cached = this.current.get();
			return (cached != null && cached.isFresh(this.clock)) ? cached.mono() : joinOrStartAcquisition();
		});
	}

	@Override
	public void invalidate(OAuth2AccessToken rejected) {
		CachedToken cached = this.current.get();
		if (cached != null && cached.token().getTokenValue().equals(rejected.getTokenValue())
				&& this.current.compareAndSet(cached, null)) {
			this.storedTokenRejected = true;
			logger.debug("The Blue API rejected the Wave access token; the next call obtains a new one");
		}
	}

	/**
	 * What the manager knows of its token, for health checks.
	 * @return the state; never holds a token
	 */
	public TokenState getState() {
		return this.state;
	}

	/**
	 * The registration this manager obtains tokens for.
	 * @return the registration id
	 */
	public String getRegistrationId() {
		return this.registrationId;
	}

	private Mono<OAuth2AccessToken> joinOrStartAcquisition() {
		while (true) {
			Acquisition running = this.inFlight.get();
			if (running != null) {
				running.observation().event(WaveObservations.JOINED);
				return running.result().asMono();
			}
			CachedToken cached = this.current.get();
			if (cached != null && cached.isFresh(this.clock)) {
				return cached.mono();
			}
			Acquisition acquisition = new Acquisition(Sinks.one(),
					Observation.createNotStarted(WaveObservations.TOKEN_ACQUISITION, this.observationRegistry)
						.contextualName("wave token acquisition")
						.lowCardinalityKeyValue(WaveObservations.GRANT_TYPE, this.grantType));
			if (this.inFlight.compareAndSet(null, acquisition)) {
				start(acquisition);
				return acquisition.result().asMono();
			}
		}
	}

	private void start(Acquisition acquisition) {
		acquisition.observation().start();
		Mono.defer(this::authorize)
			.contextWrite((context) -> context.put(WaveObservations.CONTEXT_KEY, acquisition.observation()))
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
		this.state = this.state.acquired(this.clock.instant(), token.getExpiresAt());
		this.inFlight.compareAndSet(acquisition, null);
		acquisition.observation()
			.lowCardinalityKeyValue(WaveObservations.OUTCOME, "success")
			.lowCardinalityKeyValue(WaveObservations.ERROR_CODE, "none")
			.stop();
		if (logger.isDebugEnabled()) {
			logger.debug("Obtained a Wave access token for registration '" + this.registrationId + "', expires at "
					+ token.getExpiresAt());
		}
		acquisition.result().tryEmitValue(token);
	}

	private void failed(Acquisition acquisition, Throwable failure) {
		String errorCode = WaveTokenException.errorCodeOf(failure);
		this.state = this.state.failed(errorCode, this.clock.instant());
		this.inFlight.compareAndSet(acquisition, null);
		acquisition.observation()
			.lowCardinalityKeyValue(WaveObservations.OUTCOME, "failure")
			.lowCardinalityKeyValue(WaveObservations.ERROR_CODE, errorCode)
			.error(failure)
			.stop();
		if (logger.isDebugEnabled()) {
			logger.debug("Could not obtain a Wave access token for registration '" + this.registrationId + "': "
					+ failure.getMessage());
		}
		acquisition.result().tryEmitError(failure);
	}

	private record CachedToken(OAuth2AccessToken token, Instant renewAt, Mono<OAuth2AccessToken> mono) {

		boolean isFresh(Clock clock) {
			return clock.instant().isBefore(this.renewAt);
		}

	}

	private record Acquisition(Sinks.One<OAuth2AccessToken> result, Observation observation) {

	}

}
