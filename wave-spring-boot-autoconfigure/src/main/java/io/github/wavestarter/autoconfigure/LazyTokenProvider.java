package io.github.wavestarter.autoconfigure;

import java.time.Duration;

import io.github.wavestarter.token.WaveAccessTokenProvider;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * The application's token provider, looked up at the first request rather than when the
 * Wave clients are built: building {@code waveRestClient} at start-up then creates no
 * token manager, and loads neither its token endpoint client nor the reactive stack.
 */
final class LazyTokenProvider implements WaveAccessTokenProvider {

	private final ObjectProvider<WaveAccessTokenProvider> provider;

	private volatile @Nullable WaveAccessTokenProvider target;

	LazyTokenProvider(ObjectProvider<WaveAccessTokenProvider> provider) {
		this.provider = provider;
	}

	private WaveAccessTokenProvider target() {
		WaveAccessTokenProvider target = this.target;
		if (target == null) {
			target = this.provider.getIfAvailable();
			if (target == null) {
				throw new IllegalStateException("No Wave client is configured with wave.*: set wave.client-id and "
						+ "wave.client-secret, or call the Blue API through WaveClients with a named client");
			}
			this.target = target;
		}
		return target;
	}

	@Override
	public Mono<OAuth2AccessToken> getAccessToken() {
		return target().getAccessToken();
	}

	@Override
	public void invalidate(OAuth2AccessToken rejected) {
		target().invalidate(rejected);
	}

	@Override
	public boolean invalidateRejected(OAuth2AccessToken rejected) {
		return target().invalidateRejected(rejected);
	}

	@Override
	public String getTokenValue(Duration timeout) {
		return target().getTokenValue(timeout);
	}

	@Override
	public String toString() {
		return "LazyTokenProvider[" + ((this.target != null) ? this.target : "not looked up yet") + "]";
	}

}
