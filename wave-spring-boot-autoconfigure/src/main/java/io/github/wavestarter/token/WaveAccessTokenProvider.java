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
	 * call obtains a new one. A token other than the current one is ignored.
	 * @param rejected the token that was rejected
	 */
	void invalidate(OAuth2AccessToken rejected);

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
