package io.github.wavestarter.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.github.wavestarter.token.WaveTokenException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Puts the Wave token on a {@link org.springframework.web.client.RestClient}, the
 * blocking twin of {@link WaveBearerTokenFilter}: {@code waveRestClient} has one, and an
 * application adds one to a client of its own
 * ({@code builder.requestInterceptor(new WaveBearerTokenInterceptor(tokens, baseUrl, registry, wait))})
 * to call the Blue API through it.
 * <p>
 * The rules are the filter's: only requests under the Blue API base URL get the token (an
 * ambiguous path fails with an {@link AmbiguousRequestPathException} before it is sent);
 * a 401 drops the token and replays the request once with a new one (the body of a
 * {@code RestClient} request is bytes, so every request can be replayed), unless the
 * provider keeps the token because it renewed one moments ago; 403 is never replayed; a
 * token that cannot be sent fails the call and is dropped, one the server refuses (431,
 * or a 400 that is not a JSON Blue API error) is dropped for the next call. The token
 * comes from the same provider as {@code waveWebClient}'s, so both clients share one
 * token. The calling thread waits for it at most {@code tokenWait}; call it from a thread
 * that may block (a request thread, a virtual thread), not from an event loop.
 */
public final class WaveBearerTokenInterceptor implements ClientHttpRequestInterceptor {

	private final BearerRules rules;

	private final Duration tokenWait;

	/**
	 * Creates an interceptor.
	 * @param tokens the token source
	 * @param baseUrl the Blue API base URL: only requests under it get the token
	 * @param observationRegistry where replays are observed
	 * @param tokenWait the longest wait for a token (all attempts of one acquisition)
	 */
	public WaveBearerTokenInterceptor(WaveAccessTokenProvider tokens, URI baseUrl,
			ObservationRegistry observationRegistry, Duration tokenWait) {
		this.rules = new BearerRules(tokens, baseUrl, observationRegistry);
		this.tokenWait = tokenWait;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!this.rules.getsToken(request.getMethod(), request.getURI())) {
			return execution.execute(request, body);
		}
		OAuth2AccessToken token = token();
		if (!this.rules.isSendable(token)) {
			throw this.rules.unsendable(token);
		}
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + token.getTokenValue());
		ClientHttpResponse response = execution.execute(request, body);
		int status = response.getStatusCode().value();
		if (!BearerRules.isUnauthorized(status)) {
			this.rules.evictIfRefused(token, status, response.getHeaders().getContentType());
			return response;
		}
		if (!this.rules.tokens().invalidateRejected(token)) {
			return response;
		}
		response.close();
		return replay(request, body, execution);
	}

	private ClientHttpResponse replay(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		Observation observation = this.rules.replayObservation().start();
		try {
			OAuth2AccessToken fresh = token();
			request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + fresh.getTokenValue());
			ClientHttpResponse replayed = execution.execute(request, body);
			observation.lowCardinalityKeyValue(BearerRules.OUTCOME,
					BearerRules.replayOutcome(replayed.getStatusCode().value()));
			return replayed;
		}
		catch (IOException | RuntimeException ex) {
			observation.lowCardinalityKeyValue(BearerRules.OUTCOME, "failure").error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * The token, waited for at most {@code tokenWait}: through a future rather than a
	 * {@code timeout} operator, so that a cached token costs no timer.
	 */
	private OAuth2AccessToken token() {
		OAuth2AccessToken token;
		try {
			token = this.rules.tokens().getAccessToken().toFuture().get(this.tokenWait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new WaveTokenException(
					new OAuth2Error(WaveTokenException.INVALID_TOKEN_RESPONSE, "The token provider failed", null), 0,
					false, null, ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new WaveTokenException(new OAuth2Error(WaveTokenException.TOKEN_ENDPOINT_TIMEOUT,
					"No access token was had within " + this.tokenWait, null), 0, true, null, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WaveTokenException(new OAuth2Error(WaveTokenException.TOKEN_ENDPOINT_TIMEOUT,
					"Interrupted while waiting for an access token", null), 0, true, null, null);
		}
		if (token == null) {
			throw new WaveTokenException(new OAuth2Error(WaveTokenException.INVALID_TOKEN_RESPONSE,
					"The token provider completed without a token", null), 0, false, null, null);
		}
		return token;
	}

}
