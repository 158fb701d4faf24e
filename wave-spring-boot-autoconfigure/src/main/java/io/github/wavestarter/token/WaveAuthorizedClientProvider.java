package io.github.wavestarter.token;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * Obtains and renews the Wave token for the application: with the configured grant
 * ({@code client_credentials} or {@code password}) when there is no token yet or when the
 * {@link TokenRenewalPolicy} says it is due, optionally trying the {@code refresh_token}
 * grant first and falling back to the configured grant when the endpoint refuses it.
 * <p>
 * Used by the starter's own manager only; it is not published as a bean, so an
 * application's own OAuth2 client setup is not affected.
 */
final class WaveAuthorizedClientProvider implements ReactiveOAuth2AuthorizedClientProvider {

	private static final Log logger = LogFactory.getLog(WaveAuthorizedClientProvider.class);

	private final ReactiveOAuth2AccessTokenResponseClient<AbstractOAuth2AuthorizationGrantRequest> tokenClient;

	private final Function<ClientRegistration, AbstractOAuth2AuthorizationGrantRequest> grantRequests;

	private final TokenRenewalPolicy renewalPolicy;

	private final boolean useRefreshToken;

	/**
	 * Creates a provider.
	 * @param tokenClient the token endpoint client
	 * @param grantRequests creates the configured grant's request
	 * @param renewalPolicy when a token is renewed
	 * @param useRefreshToken whether renewal tries the refresh token first
	 */
	WaveAuthorizedClientProvider(
			ReactiveOAuth2AccessTokenResponseClient<AbstractOAuth2AuthorizationGrantRequest> tokenClient,
			Function<ClientRegistration, AbstractOAuth2AuthorizationGrantRequest> grantRequests,
			TokenRenewalPolicy renewalPolicy, boolean useRefreshToken) {
		this.tokenClient = tokenClient;
		this.grantRequests = grantRequests;
		this.renewalPolicy = renewalPolicy;
		this.useRefreshToken = useRefreshToken;
	}

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizationContext context) {
		ClientRegistration registration = context.getClientRegistration();
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current != null && !this.renewalPolicy.isDue(current.getAccessToken())) {
			return Mono.empty();
		}
		Mono<OAuth2AccessTokenResponse> configuredGrant = Mono.defer(() -> {
			logger.debug("Requesting a Wave access token for registration '" + registration.getRegistrationId()
					+ "' with the " + registration.getAuthorizationGrantType().getValue() + " grant");
			return this.tokenClient.getTokenResponse(this.grantRequests.apply(registration));
		});
		Mono<OAuth2AccessTokenResponse> response = configuredGrant;
		if (this.useRefreshToken && current != null && current.getRefreshToken() != null) {
			logger.debug("Renewing the Wave access token of registration '" + registration.getRegistrationId()
					+ "' with the refresh_token grant");
			response = this.tokenClient
				.getTokenResponse(new OAuth2RefreshTokenGrantRequest(registration, current.getAccessToken(),
						current.getRefreshToken()))
				.onErrorResume(WaveAuthorizedClientProvider::isRefusal, (refused) -> {
					logger.debug("The refresh_token grant was refused (" + ((WaveTokenException) refused).getErrorCode()
							+ "); falling back to the configured grant");
					return configuredGrant;
				});
		}
		return response.map((tokens) -> new OAuth2AuthorizedClient(registration, context.getPrincipal().getName(),
				onPolicyClock(tokens.getAccessToken()), tokens.getRefreshToken()));
	}

	/**
	 * The token with its lifetime counted from now on the renewal policy's clock (Spring
	 * Security stamps responses with the system clock), so that an application's
	 * {@code waveClock} drives expiry and renewal alike.
	 */
	private OAuth2AccessToken onPolicyClock(OAuth2AccessToken token) {
		if (token.getIssuedAt() == null || token.getExpiresAt() == null) {
			return token;
		}
		Instant now = this.renewalPolicy.clock().instant();
		return new OAuth2AccessToken(token.getTokenType(), token.getTokenValue(), now,
				now.plus(Duration.between(token.getIssuedAt(), token.getExpiresAt())), token.getScopes());
	}

	private static boolean isRefusal(Throwable failure) {
		return failure instanceof WaveTokenException tokenFailure && !tokenFailure.isTransient();
	}

}
