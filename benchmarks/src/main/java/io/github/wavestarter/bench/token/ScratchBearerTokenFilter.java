package io.github.wavestarter.bench.token;

import java.net.URI;

import io.github.wavestarter.token.WaveAccessTokenProvider;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * SCRATCH copy of {@code WaveBearerTokenFilter} with the optimisations proposed in
 * BENCHMARKS.md, measured side by side with the real one. Not used by the starter.
 * <ol>
 * <li>fast path: a synchronous peek at a fresh cached token (proposed
 * {@code WaveTokenManager#currentIfFresh()}, emulated by {@link ScratchTokenCache}) skips
 * {@code Mono.defer} + {@code flatMap} + {@code Clock.instant()};</li>
 * <li>the {@code "Bearer " + token} header value is built once per token, not per
 * call;</li>
 * <li>scope check without {@code toLowerCase} and string concatenation per call.</li>
 * </ol>
 */
final class ScratchBearerTokenFilter implements ExchangeFilterFunction {

	private final ScratchTokenCache tokens;

	private final String scheme;

	private final String host;

	private final int port;

	private final String basePath;

	ScratchBearerTokenFilter(ScratchTokenCache tokens, URI baseUrl) {
		this.tokens = tokens;
		this.scheme = baseUrl.getScheme();
		this.host = baseUrl.getHost();
		this.port = effectivePort(this.scheme, baseUrl.getPort());
		String path = (baseUrl.getRawPath() != null) ? baseUrl.getRawPath() : "";
		this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!contains(request.url())) {
			return next.exchange(request);
		}
		ScratchTokenCache.Entry fresh = this.tokens.fresh();
		if (fresh != null) {
			return exchange(request, fresh.token(), fresh.header(), next);
		}
		return this.tokens.getAccessToken()
			.flatMap((token) -> exchange(request, token, "Bearer " + token.getTokenValue(), next));
	}

	private Mono<ClientResponse> exchange(ClientRequest request, OAuth2AccessToken token, String header,
			ExchangeFunction next) {
		return next.exchange(withBearer(request, header))
			.flatMap((response) -> (response.statusCode().value() == 401) ? replay(request, token, response, next)
					: Mono.just(response));
	}

	private Mono<ClientResponse> replay(ClientRequest request, OAuth2AccessToken rejected, ClientResponse response,
			ExchangeFunction next) {
		this.tokens.invalidate(rejected);
		return response.releaseBody()
			.then(this.tokens.getAccessToken())
			.flatMap((fresh) -> next.exchange(withBearer(request, "Bearer " + fresh.getTokenValue())));
	}

	private static ClientRequest withBearer(ClientRequest request, String header) {
		return ClientRequest.from(request).headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, header)).build();
	}

	boolean contains(URI url) {
		String urlScheme = url.getScheme();
		if (urlScheme == null || !this.scheme.equalsIgnoreCase(urlScheme) || !this.host.equalsIgnoreCase(url.getHost())
				|| this.port != effectivePort(urlScheme, url.getPort())) {
			return false;
		}
		if (this.basePath.isEmpty()) {
			return true;
		}
		String path = url.getRawPath();
		return path != null && path.startsWith(this.basePath)
				&& (path.length() == this.basePath.length() || path.charAt(this.basePath.length()) == '/');
	}

	private static int effectivePort(String scheme, int port) {
		if (port != -1) {
			return port;
		}
		return "https".equalsIgnoreCase(scheme) ? 443 : ("http".equalsIgnoreCase(scheme) ? 80 : -1);
	}

	/**
	 * SCRATCH: emulates a synchronous "current token if fresh" read on top of the real
	 * {@link WaveAccessTokenProvider} (same renewal rule: the real policy), with the
	 * renewal instant held as epoch millis and the header value precomputed.
	 */
	static final class ScratchTokenCache implements WaveAccessTokenProvider {

		private final WaveAccessTokenProvider delegate;

		private final io.github.wavestarter.token.grant.TokenRenewalPolicy policy;

		private volatile Entry entry;

		ScratchTokenCache(WaveAccessTokenProvider delegate,
				io.github.wavestarter.token.grant.TokenRenewalPolicy policy) {
			this.delegate = delegate;
			this.policy = policy;
		}

		Entry fresh() {
			Entry current = this.entry;
			return (current != null && System.currentTimeMillis() < current.renewAtMillis()) ? current : null;
		}

		@Override
		public Mono<OAuth2AccessToken> getAccessToken() {
			return this.delegate.getAccessToken().doOnNext((token) -> {
				java.time.Instant renewAt = this.policy.renewAt(token);
				this.entry = new Entry(token,
						renewAt.equals(java.time.Instant.MAX) ? Long.MAX_VALUE : renewAt.toEpochMilli(),
						"Bearer " + token.getTokenValue());
			});
		}

		@Override
		public void invalidate(OAuth2AccessToken rejected) {
			Entry current = this.entry;
			if (current != null && current.token().getTokenValue().equals(rejected.getTokenValue())) {
				this.entry = null;
			}
			this.delegate.invalidate(rejected);
		}

		record Entry(OAuth2AccessToken token, long renewAtMillis, String header) {

		}

	}

}
