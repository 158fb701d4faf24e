package io.github.wavestarter.client;

import java.net.URI;

import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Puts the Wave token on a
 * {@link org.springframework.web.reactive.function.client.WebClient}:
 * {@code waveWebClient} has one, and an application adds one to a client of its own
 * ({@code builder.filter(new WaveBearerTokenFilter(tokens, baseUrl, registry))}) to call
 * the Blue API through it.
 * <p>
 * Adds {@code Authorization: Bearer <Wave token>} to requests under the Blue API base URL
 * (and to no other request; see the README's section on which paths get the token), fails
 * a request to the API's host whose path is ambiguous with an
 * {@link AmbiguousRequestPathException} before it is sent, and replays a request once
 * with a new token when the Blue API answers 401 (gRPC {@code UNAUTHENTICATED}): the
 * rejected token is dropped first, so concurrent callers share one new token. A second
 * 401 goes to the caller; 403 is never replayed. When the provider keeps the rejected
 * token (it renewed one moments ago, see
 * {@link WaveAccessTokenProvider#invalidateRejected(OAuth2AccessToken)}), the 401 goes to
 * the caller without a replay. A token that cannot be sent as a header fails the call and
 * is dropped; one refused by the server (431, or a 400 that is not a JSON Blue API error)
 * is dropped for the next call.
 * <p>
 * The replay sends the request again, so its body must be re-readable: values and
 * {@code bodyValue(...)} bodies are; a one-shot {@code Publisher} body is not.
 */
public final class WaveBearerTokenFilter implements ExchangeFilterFunction {

	private final BearerRules rules;

	/**
	 * Creates a filter.
	 * @param tokens the token source
	 * @param baseUrl the Blue API base URL: only requests under it get the token
	 * @param observationRegistry where replays are observed
	 */
	public WaveBearerTokenFilter(WaveAccessTokenProvider tokens, URI baseUrl, ObservationRegistry observationRegistry) {
		this.rules = new BearerRules(tokens, baseUrl, observationRegistry);
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		try {
			if (!this.rules.getsToken(request.method(), request.url())) {
				return next.exchange(request);
			}
		}
		catch (AmbiguousRequestPathException ex) {
			return Mono.error(ex);
		}
		return this.rules.tokens()
			.getAccessToken()
			.flatMap((token) -> !this.rules.isSendable(token) ? Mono.error(this.rules.unsendable(token))
					: next.exchange(withBearer(request, token))
						.flatMap((response) -> BearerRules.isUnauthorized(response.statusCode().value())
								? replay(request, token, response, next) : evictIfRefused(token, response)));
	}

	private Mono<ClientResponse> evictIfRefused(OAuth2AccessToken token, ClientResponse response) {
		this.rules.evictIfRefused(token, response.statusCode().value(), response.headers().contentType().orElse(null));
		return Mono.just(response);
	}

	private Mono<ClientResponse> replay(ClientRequest request, OAuth2AccessToken rejected, ClientResponse response,
			ExchangeFunction next) {
		if (!this.rules.tokens().invalidateRejected(rejected)) {
			return Mono.just(response);
		}
		ObservedOnce observation = new ObservedOnce(this.rules.replayObservation());
		return response.releaseBody()
			.then(this.rules.tokens().getAccessToken())
			.flatMap((fresh) -> next.exchange(withBearer(request, fresh)))
			.doOnSuccess((replayed) -> {
				if (replayed != null) {
					observation.stop(BearerRules.OUTCOME, BearerRules.replayOutcome(replayed.statusCode().value()),
							null);
				}
				else {
					observation.stop();
				}
			})
			.doOnError((failure) -> observation.stop(BearerRules.OUTCOME, "failure", failure))
			.doOnCancel(() -> observation.stop(BearerRules.OUTCOME, "cancelled", null));
	}

	private static ClientRequest withBearer(ClientRequest request, OAuth2AccessToken token) {
		return ClientRequest.from(request)
			.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token.getTokenValue()))
			.build();
	}

}
