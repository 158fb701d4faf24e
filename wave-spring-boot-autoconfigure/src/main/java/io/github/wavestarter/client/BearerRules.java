package io.github.wavestarter.client;

import java.net.URI;

import io.github.wavestarter.token.BearerTokens;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.github.wavestarter.token.WaveTokenException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * What both Wave clients ({@link WaveBearerTokenFilter} for {@code WebClient},
 * {@link WaveBearerTokenInterceptor} for {@code RestClient}) decide alike: which requests
 * get the token, whether a token can be sent, when an answer means the token was refused,
 * and the observation of a replay after a 401.
 */
final class BearerRules {

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
	private volatile @Nullable OAuth2AccessToken lastSendable;

	BearerRules(WaveAccessTokenProvider tokens, URI baseUrl, ObservationRegistry observationRegistry) {
		this.tokens = tokens;
		this.scope = new BaseUrlScope(baseUrl);
		this.observationRegistry = observationRegistry;
	}

	WaveAccessTokenProvider tokens() {
		return this.tokens;
	}

	/**
	 * Where a request lies against the base URL.
	 * @param method the request method
	 * @param url the request URL
	 * @return whether the request gets the token
	 * @throws AmbiguousRequestPathException when the readings of its path disagree
	 */
	boolean getsToken(HttpMethod method, URI url) {
		BaseUrlScope.Placement placement = this.scope.place(url);
		if (placement == BaseUrlScope.Placement.AMBIGUOUS) {
			throw new AmbiguousRequestPathException(method.name(), url, this.scope.getBasePath());
		}
		return placement == BaseUrlScope.Placement.INSIDE;
	}

	/**
	 * Whether the token can go into an {@code Authorization} header, checked once per
	 * token instance rather than on every call.
	 */
	boolean isSendable(OAuth2AccessToken token) {
		if (token == this.lastSendable) {
			return true;
		}
		if (!BearerTokens.isValid(token.getTokenValue())) {
			return false;
		}
		this.lastSendable = token;
		return true;
	}

	/** Drops a token that cannot be sent and says why the call fails. */
	WaveTokenException unsendable(OAuth2AccessToken token) {
		this.tokens.invalidateRejected(token);
		return new WaveTokenException(new OAuth2Error(WaveTokenException.INVALID_TOKEN_RESPONSE,
				"The access token cannot be sent in an Authorization header (not an RFC 6750 b64token of at most "
						+ BearerTokens.MAX_LENGTH + " characters); the token provider was told to drop it",
				null), 0, false, null, null);
	}

	/**
	 * Drops the token when the server refused it as a header: 431, or a 400 that is not a
	 * JSON Blue API error.
	 */
	void evictIfRefused(OAuth2AccessToken token, int status, @Nullable MediaType contentType) {
		boolean apiError = contentType != null && MediaType.APPLICATION_JSON.isCompatibleWith(contentType);
		if (status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value()
				|| (status == HttpStatus.BAD_REQUEST.value() && !apiError)) {
			this.tokens.invalidateRejected(token);
		}
	}

	/** Whether an answer is the 401 that calls for a replay with a new token. */
	static boolean isUnauthorized(int status) {
		return status == HttpStatus.UNAUTHORIZED.value();
	}

	/** A replay's observation, not started. */
	Observation replayObservation() {
		return Observation.createNotStarted(API_REPLAY, this.observationRegistry).contextualName("wave api replay");
	}

	/** The {@value #OUTCOME} of a replay that got an answer. */
	static String replayOutcome(int status) {
		return isUnauthorized(status) ? "unauthorized" : "success";
	}

}
