package io.github.wavestarter.autoconfigure;

import io.github.wavestarter.blue.BlueApiErrors;
import io.github.wavestarter.client.WaveApiCalls;
import io.github.wavestarter.client.WaveBearerTokenFilter;
import io.github.wavestarter.client.WaveBearerTokenInterceptor;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What makes a client a Wave client, applied alike to {@code waveWebClient},
 * {@code waveRestClient} and the clients of the HTTP service group {@code wave}: Wave's
 * connector (or request factory), the rate limit and retries of {@code wave.api.*} (one
 * {@link WaveApiCalls} per client, so its clients share one rate limit), the bearer token
 * under {@code wave.base-url} with the replay after a 401, and the mapping of error
 * answers to {@code BlueApiException}. The base URL and the customizers are left to the
 * caller.
 */
final class WaveClientSetup {

	private final WaveSettings settings;

	private final WaveConnector connector;

	private final WaveAccessTokenProvider tokens;

	private final JsonMapper jsonMapper;

	private final ObservationRegistry observationRegistry;

	private final WaveApiCalls calls;

	WaveClientSetup(WaveSettings settings, WaveConnector connector, WaveAccessTokenProvider tokens,
			JsonMapper jsonMapper, ObservationRegistry observationRegistry, String clientTag) {
		this.settings = settings;
		this.connector = connector;
		this.tokens = tokens;
		this.jsonMapper = jsonMapper;
		this.observationRegistry = observationRegistry;
		this.calls = new WaveApiCalls(settings.api(), settings.baseUrl(), observationRegistry, clientTag);
	}

	String baseUrl() {
		return this.settings.baseUrl().toString();
	}

	WebClient.Builder configure(WebClient.Builder builder) {
		this.connector.apply(builder)
			.filter(this.calls.filter())
			.filter(new WaveBearerTokenFilter(this.tokens, this.settings.baseUrl(), this.observationRegistry));
		BlueApiErrors.register(builder, this.jsonMapper);
		return builder;
	}

	RestClient.Builder configure(RestClient.Builder builder) {
		this.connector.apply(builder)
			.requestInterceptor(this.calls.interceptor())
			.requestInterceptor(new WaveBearerTokenInterceptor(this.tokens, this.settings.baseUrl(),
					this.observationRegistry, this.settings.token().longestAcquisition()));
		BlueApiErrors.register(builder, this.jsonMapper);
		return builder;
	}

}
