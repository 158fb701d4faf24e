package io.github.wavestarter.token;

import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Requests Wave access tokens: POSTs the grant as {@code multipart/form-data} (one part
 * per field, which is what the Wave token endpoint accepts; Spring Security's own clients
 * always send {@code application/x-www-form-urlencoded}), with a timeout per attempt and
 * retries of transient failures.
 * <p>
 * Handles {@code client_credentials}, the {@code password} grant
 * ({@link PasswordGrantRequest}) and {@code refresh_token}. Failures are
 * {@link WaveTokenException}s. The response body is read as bytes and parsed here, so
 * neither the codecs nor this class ever log it.
 * <p>
 * Token requests never follow redirects, whatever the connector or
 * {@code spring.http.clients.redirects} says: a 3xx answer is a
 * {@link WaveTokenException#TOKEN_ENDPOINT_REDIRECT} failure (not transient) naming only
 * the target's scheme and host, and should the connector follow a redirect by itself, the
 * request body (client secret, password, refresh token) is not written a second time: the
 * redirected request fails before anything is sent to the target.
 */
final class WaveTokenResponseClient
		implements ReactiveOAuth2AccessTokenResponseClient<AbstractOAuth2AuthorizationGrantRequest> {

	/**
	 * Longest token lifetime believed: a larger {@code expires_in} (up to any number,
	 * {@code 1e300} included) counts as one day.
	 */
	static final Duration MAX_EXPIRES_IN = Duration.ofDays(1);

	private final WebClient webClient;

	private final TokenResponseParser parser;

	private final WaveTokenManager.Settings settings;

	/**
	 * Creates a client.
	 * @param webClient the client for the token endpoint (built from Boot's
	 * {@code WebClient.Builder}, without the Wave bearer filter)
	 * @param jsonMapper the JSON mapper that parses token responses
	 * @param settings timeout, attempts, backoff and default lifetime
	 */
	WaveTokenResponseClient(WebClient webClient, JsonMapper jsonMapper, WaveTokenManager.Settings settings) {
		this.webClient = webClient;
		this.parser = new TokenResponseParser(jsonMapper, settings.defaultExpiresIn());
		this.settings = settings;
	}

	@Override
	public Mono<OAuth2AccessTokenResponse> getTokenResponse(AbstractOAuth2AuthorizationGrantRequest grantRequest) {
		URI tokenUri = URI.create(grantRequest.getClientRegistration().getProviderDetails().getTokenUri());
		ServerText serverText = ServerText.masking(TokenRequestParts.credentials(grantRequest));
		Mono<OAuth2AccessTokenResponse> attempt = Mono
			.defer(() -> this.webClient.post()
				.uri(tokenUri)
				.contentType(MediaType.MULTIPART_FORM_DATA)
				.accept(MediaType.APPLICATION_JSON)
				.body(new SentOnce(BodyInserters.fromMultipartData(TokenRequestParts.of(grantRequest)), tokenUri,
						serverText))
				.exchangeToMono((response) -> readTokenResponse(response, tokenUri, serverText)))
			.timeout(this.settings.timeout())
			.onErrorMap((ex) -> !(ex instanceof WaveTokenException), (ex) -> transportFailure(ex, serverText));
		return Mono.deferContextual((context) -> attempt.retryWhen(new TokenRequestRetry(this.settings.maxAttempts(),
				this.settings.retryBackoff(), this.settings.timeout(), context)));
	}

	private Mono<OAuth2AccessTokenResponse> readTokenResponse(ClientResponse response, URI tokenUri,
			ServerText serverText) {
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (response.statusCode().is3xxRedirection()) {
			return response.releaseBody()
				.then(Mono.error(redirected(response.statusCode().value(),
						"with a redirect to " + target(tokenUri, headers.getFirst(HttpHeaders.LOCATION), serverText),
						serverText)));
		}
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(new byte[0])
			.map((body) -> this.parser.parse(response.statusCode(), headers.getContentType(), body,
					retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER)), serverText));
	}

	private static WaveTokenException redirected(int status, String how, ServerText serverText) {
		return new WaveTokenException(new OAuth2Error(WaveTokenException.TOKEN_ENDPOINT_REDIRECT,
				"The token endpoint answered " + how + "; token requests never follow redirects, so the credentials "
						+ "were not sent there. Set wave.token-uri to the final token endpoint if it is trusted",
				null), status, false, null, null);
	}

	/**
	 * The scheme and host of a redirect target, resolved against the token URI, without
	 * port, path, query or user info (which may carry anything).
	 */
	static String target(URI tokenUri, String location, ServerText serverText) {
		if (location == null || location.isBlank()) {
			return "nowhere (no Location header)";
		}
		try {
			URI resolved = tokenUri.resolve(location.trim());
			if (resolved.getScheme() == null || resolved.getHost() == null) {
				return "a location without a host";
			}
			return serverText.text(resolved.getScheme() + "://" + resolved.getHost());
		}
		catch (IllegalArgumentException ex) {
			return "an unreadable location";
		}
	}

	private WaveTokenException transportFailure(Throwable failure, ServerText serverText) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof WaveTokenException tokenFailure) {
				return tokenFailure;
			}
		}
		if (failure instanceof TimeoutException) {
			return timeout("within " + this.settings.timeout() + " (wave.token.timeout)");
		}
		if (failure instanceof DataBufferLimitException) {
			return new WaveTokenException(new OAuth2Error(WaveTokenException.INVALID_TOKEN_RESPONSE,
					"The token endpoint's answer is larger than the codec limit", null), 0, false, null, null);
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root && !isResponseTimeout(root)) {
			root = root.getCause();
		}
		if (isResponseTimeout(root)) {
			return timeout("in time (wave.http.response-timeout)");
		}
		return new WaveTokenException(
				new OAuth2Error(WaveTokenException.TOKEN_ENDPOINT_UNREACHABLE,
						"The token endpoint could not be reached: " + root.getClass().getSimpleName()
								+ ((root.getMessage() != null) ? " " + serverText.text(root.getMessage()) : ""),
						null),
				0, true, null, failure);
	}

	/**
	 * Whether a failure is the response timeout of either connector: Netty's read
	 * timeout, or the JDK's request timeout (not its connect timeout).
	 */
	private static boolean isResponseTimeout(Throwable failure) {
		if (failure instanceof HttpTimeoutException) {
			return !(failure instanceof HttpConnectTimeoutException);
		}
		return REACTOR_NETTY_PRESENT && failure instanceof io.netty.handler.timeout.TimeoutException;
	}

	private static WaveTokenException timeout(String limit) {
		return new WaveTokenException(new OAuth2Error(WaveTokenException.TOKEN_ENDPOINT_TIMEOUT,
				"The token endpoint did not answer " + limit, null), 0, true, null, null);
	}

	static @Nullable Duration retryAfter(@Nullable String value) {

		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration delay = Duration.between(ZonedDateTime.now(at.getZone()), at);
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (DateTimeParseException unparseable) {
				return null;
			}
		}
	}

	/**
	 * Writes the token request body once. A connector that follows a redirect writes the
	 * request again, to the redirect target: that second write fails instead, before the
	 * request (and with it the client secret or password) leaves.
	 */
	/**
	 * Whether Reactor Netty (and Netty) is there: only its requests tell where a followed
	 * redirect went, and only its timeouts are Netty's.
	 */
	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils
		.isPresent("reactor.netty.http.client.HttpClientRequest", WaveTokenResponseClient.class.getClassLoader());

	private static final class SentOnce implements BodyInserter<Object, ClientHttpRequest> {

		private final BodyInserter<?, ? super ClientHttpRequest> body;

		private final URI tokenUri;

		private final ServerText serverText;

		private final AtomicBoolean written = new AtomicBoolean();

		SentOnce(BodyInserter<?, ? super ClientHttpRequest> body, URI tokenUri, ServerText serverText) {
			this.body = body;
			this.tokenUri = tokenUri;
			this.serverText = serverText;
		}

		@Override
		public Mono<Void> insert(ClientHttpRequest request, Context context) {
			if (this.written.compareAndSet(false, true)) {
				return this.body.insert(request, context);
			}
			String to = (REACTOR_NETTY_PRESENT && request.getNativeRequest() instanceof HttpClientRequest nettyRequest)
					? nettyRequest.resourceUrl() : request.getURI().toString();
			return Mono
				.error(redirected(
						0, "with a redirect that the HTTP client followed to "
								+ target(this.tokenUri, to, this.serverText) + " (stopped before anything was sent)",
						this.serverText));
		}

	}

}
