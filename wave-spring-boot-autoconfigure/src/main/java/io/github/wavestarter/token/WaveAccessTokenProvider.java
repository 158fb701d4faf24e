package io.github.wavestarter.token;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Gives the application's current Wave access token, for clients other than
 * {@code waveWebClient} (gRPC stubs, other HTTP clients, scripts).
 * <p>
 * Tokens are cached and shared across the application, renewed before they expire, and
 * concurrent callers that find no valid token share one token request.
 */
public interface WaveAccessTokenProvider {

	/**
	 * The current access token, obtained or renewed when needed. Resolved at
	 * subscription.
	 * @return the token; fails with a {@link WaveTokenException} when none can be
	 * obtained
	 */
	Mono<OAuth2AccessToken> getAccessToken();

	/**
	 * Tells the provider that the Blue API rejected this token (HTTP 401), so the next
	 * call obtains a new one. A token other than the current one is ignored. A provider
	 * may keep the token when it renewed a rejected one moments ago (the
	 * {@link WaveTokenManager} renews at most once per
	 * {@code wave.token.forced-renewal-interval}); see
	 * {@link #invalidateRejected(OAuth2AccessToken)}.
	 * @param rejected the token that was rejected
	 */
	void invalidate(OAuth2AccessToken rejected);

	/**
	 * Like {@link #invalidate(OAuth2AccessToken)}, and tells whether sending the request
	 * again makes sense: {@code false} when the provider keeps the rejected token (it
	 * renewed a rejected token moments ago, so a permission problem does not become one
	 * token request per call), in which case the call should fail with the API's answer.
	 * @param rejected the token that was rejected
	 * @return whether the next {@link #getAccessToken()} gives (or tries to obtain) a
	 * token other than {@code rejected}
	 */
	default boolean invalidateRejected(OAuth2AccessToken rejected) {
		invalidate(rejected);
		return true;
	}

	/**
	 * The current access token's value, blocking until it is available. For imperative
	 * code only: never call it on a reactive (non-blocking) thread.
	 * @param timeout how long to wait at most
	 * @return the token value, for an {@code Authorization: Bearer} header
	 */
	default String getTokenValue(Duration timeout) {
		OAuth2AccessToken token = getAccessToken().block(timeout);
		if (token == null) {
			throw new IllegalStateException("No Wave access token was obtained");
		}
		return token.getTokenValue();
	}

}
