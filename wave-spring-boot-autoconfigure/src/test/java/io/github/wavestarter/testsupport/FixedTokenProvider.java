package io.github.wavestarter.testsupport;

import io.github.wavestarter.token.WaveAccessTokenProvider;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * A token source that always gives the same token, {@value #TOKEN}, and ignores
 * rejections: for tests of what sits around the token, not of where it comes from.
 */
public final class FixedTokenProvider implements WaveAccessTokenProvider {

	/** The token's value. */
	public static final String TOKEN = "fixed-token";

	@Override
	public Mono<OAuth2AccessToken> getAccessToken() {
		return Mono.just(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, TOKEN, null, null));
	}

	@Override
	public void invalidate(OAuth2AccessToken rejected) {
	}

}
