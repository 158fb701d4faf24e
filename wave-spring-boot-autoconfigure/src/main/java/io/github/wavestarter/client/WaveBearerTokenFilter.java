package io.github.wavestarter.client;

import java.net.URI;

import io.github.wavestarter.token.BearerTokens;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.github.wavestarter.token.WaveTokenException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
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

	/**
	 * Observation of a Blue API request replayed after a 401, tag {@value #OUTCOME}:
	 * {@code success}, {@code unauthorized} when the new token is refused too,
	 * {@code failure} when no new token or no answer could be had, {@code cancelled} when
	 * the caller cancelled.
	 */
	static final String API_REPLAY = "wave.api.replay";

	/** Tag: how a replay ended. */
	static final String OUTCOME = "outcome";

	private final WaveAccessTokenProvider tokens;

	private final BaseUrlScope scope;

	private final ObservationRegistry observationRegistry;

	/** The last token found sendable, so each token is checked once. */
	private volatile OAuth2AccessToken lastSendable;

	/**
	 * Creates a filter.
	 * @param tokens the token source
	 * @param baseUrl the Blue API base URL: only requests under it get the token
	 * @param observationRegistry where replays are observed
	 */
	public WaveBearerTokenFilter(WaveAccessTokenProvider tokens, URI baseUrl, ObservationRegistry observationRegistry) {
		this.tokens = tokens;
		this.scope = new BaseUrlScope(baseUrl);
		this.observationRegistry = observationRegistry;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		BaseUrlScope.Placement placement = this.scope.place(request.url());
		if (placement == BaseUrlScope.Placement.AMBIGUOUS) {
			return Mono.error(new AmbiguousRequestPathException(request.method().name(), request.url(),
					this.scope.getBasePath()));
		}
		if (placement == BaseUrlScope.Placement.OUTSIDE) {
			return next.exchange(request);
		}
		return this.tokens.getAccessToken()
			.flatMap((token) -> !isSendable(token) ? unsendable(token)
					: next.exchange(withBearer(request, token))
						.flatMap((response) -> (response.statusCode().value() == HttpStatus.UNAUTHORIZED.value())
								? replay(request, token, response, next) : evictIfRefused(token, response)));
	}

	// Token hardening (issue 11, token side): a token that cannot be sent, or that the
	// server refuses as a header (431, or a 400 that is not a Blue API error), is
	// evicted.

	/**
	 * Whether the token can go into an {@code Authorization} header, checked once per
	 * token instance rather than on every call.
	 */
	private boolean isSendable(OAuth2AccessToken token) {
		if (token == this.lastSendable) {
			return true;
		}
		if (!BearerTokens.isValid(token.getTokenValue())) {
			return false;
		}
		this.lastSendable = token;
		return true;
	}

	private Mono<ClientResponse> unsendable(OAuth2AccessToken token) {
		this.tokens.invalidateRejected(token);
		return Mono.error(new WaveTokenException(new OAuth2Error(WaveTokenException.INVALID_TOKEN_RESPONSE,
				"The access token cannot be sent in an Authorization header (not an RFC 6750 b64token of at most "
						+ BearerTokens.MAX_LENGTH + " characters); the token provider was told to drop it",
				null), 0, false, null, null));
	}

	private Mono<ClientResponse> evictIfRefused(OAuth2AccessToken token, ClientResponse response) {
		int status = response.statusCode().value();
		if (status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value()
				|| (status == HttpStatus.BAD_REQUEST.value() && !isApiError(response))) {
			this.tokens.invalidateRejected(token);
		}
		return Mono.just(response);
	}

	private static boolean isApiError(ClientResponse response) {
		return response.headers().contentType().filter(MediaType.APPLICATION_JSON::isCompatibleWith).isPresent();
	}

	private Mono<ClientResponse> replay(ClientRequest request, OAuth2AccessToken rejected, ClientResponse response,
			ExchangeFunction next) {
		if (!this.tokens.invalidateRejected(rejected)) {
			return Mono.just(response);
		}
		Observation observation = Observation.createNotStarted(API_REPLAY, this.observationRegistry)
			.contextualName("wave api replay");
		return response.releaseBody()
			.then(this.tokens.getAccessToken())
			.flatMap((fresh) -> next.exchange(withBearer(request, fresh)))
			.doOnNext((replayed) -> observation.lowCardinalityKeyValue(OUTCOME,
					(replayed.statusCode().value() == HttpStatus.UNAUTHORIZED.value()) ? "unauthorized" : "success"))
			.doOnError((failure) -> observation.lowCardinalityKeyValue(OUTCOME, "failure").error(failure))
			.doOnCancel(() -> observation.lowCardinalityKeyValue(OUTCOME, "cancelled"))
			.doFirst(observation::start)
			.doFinally((signal) -> observation.stop());
	}

	private static ClientRequest withBearer(ClientRequest request, OAuth2AccessToken token) {
		return ClientRequest.from(request)
			.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token.getTokenValue()))
			.build();
	}

}
