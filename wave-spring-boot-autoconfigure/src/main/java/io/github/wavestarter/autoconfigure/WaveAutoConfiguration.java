package io.github.wavestarter.autoconfigure;

import java.time.Clock;

import io.github.wavestarter.autoconfigure.http.WaveHttpConfiguration;
import io.github.wavestarter.blue.BlueApiErrors;
import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.client.BaseUrlScope;
import io.github.wavestarter.client.WaveBearerTokenFilter;
import io.github.wavestarter.client.WaveWebClientCustomizer;
import io.github.wavestarter.http.WaveHttpClientConfigurer;
import io.github.wavestarter.observation.WaveObservations;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.github.wavestarter.token.WaveTokenManager;
import io.github.wavestarter.token.endpoint.WaveTokenResponseClient;
import io.github.wavestarter.token.grant.TokenRenewalPolicy;
import io.github.wavestarter.token.grant.WaveAuthorizedClientProvider;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the Wave starter: the Wave client registration, the application's
 * token manager, and {@code waveWebClient}, a {@link WebClient} for the Blue API that
 * carries the Wave token and turns error answers into
 * {@link io.github.wavestarter.blue.BlueApiException}s.
 * <p>
 * It publishes no bean of Spring Security's shared OAuth2 client types (repositories,
 * managers, providers, token response clients), so an application's own OAuth2 setup is
 * left as it is.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, ClientRegistration.class, ReactiveOAuth2AuthorizedClientManager.class })
@ConditionalOnBooleanProperty(name = "wave.enabled", matchIfMissing = true)
@EnableConfigurationProperties(WaveProperties.class)
@Import(WaveHttpConfiguration.class)
public final class WaveAutoConfiguration {

	/** Name of the Blue API {@link WebClient} bean. */
	public static final String WAVE_WEB_CLIENT_BEAN_NAME = "waveWebClient";

	/** Name of the Wave {@link ClientRegistration} bean. */
	public static final String WAVE_CLIENT_REGISTRATION_BEAN_NAME = "waveClientRegistration";

	/**
	 * Name of an optional {@link Clock} bean the token manager reads (token renewal,
	 * forced renewal interval, health); without one it uses the system UTC clock.
	 */
	public static final String WAVE_CLOCK_BEAN_NAME = "waveClock";

	private static final Log logger = LogFactory.getLog(WaveAutoConfiguration.class);

	@Bean(WAVE_CLIENT_REGISTRATION_BEAN_NAME)
	@ConditionalOnMissingBean(name = WAVE_CLIENT_REGISTRATION_BEAN_NAME)
	ClientRegistration waveClientRegistration(WaveProperties properties, Environment environment) {
		WavePropertiesValidator.validate(properties, environment);
		return ClientRegistration.withRegistrationId(properties.getRegistrationId())
			.clientName("Alphaus Wave")
			.clientId(properties.getClientId())
			.clientSecret(properties.getClientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(properties.getGrantType().authorizationGrantType())
			.scope(properties.getScope())
			.tokenUri(properties.getTokenUri().toString())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean(WaveAccessTokenProvider.class)
	WaveTokenManager waveTokenManager(@Qualifier(WAVE_CLIENT_REGISTRATION_BEAN_NAME) ClientRegistration registration,
			WaveProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<WaveHttpClientConfigurer> http, Environment environment,
			@Qualifier(WAVE_CLOCK_BEAN_NAME) ObjectProvider<Clock> clock) {
		WaveProperties.Token token = properties.getToken();
		WebClient tokenEndpointClient = newBuilder(webClientBuilder, http).build();
		WaveTokenResponseClient tokenClient = new WaveTokenResponseClient(tokenEndpointClient,
				jsonMapper.getIfAvailable(JsonMapper::shared),
				new WaveTokenResponseClient.Settings(token.getTimeout(), token.getMaxAttempts(),
						token.getRetryBackoff(), token.getDefaultExpiresIn(), WaveObservations.retryEvents()));
		TokenRenewalPolicy renewalPolicy = new TokenRenewalPolicy(token.getClockSkew(),
				clock.getIfAvailable(Clock::systemUTC));
		WaveAuthorizedClientProvider provider = new WaveAuthorizedClientProvider(tokenClient,
				(reg) -> properties.getGrantType()
					.createRequest(reg, properties.getUsername(), properties.getPassword()),
				renewalPolicy, token.isUseRefreshToken());
		logger.info(WaveStartupLine.of(registration, properties, environment));
		return new WaveTokenManager(registration, provider, renewalPolicy,
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP), token.getForcedRenewalInterval());
	}

	@Bean(WAVE_WEB_CLIENT_BEAN_NAME)
	@Fallback
	@ConditionalOnMissingBean(name = WAVE_WEB_CLIENT_BEAN_NAME)
	WebClient waveWebClient(WaveProperties properties, WaveAccessTokenProvider tokens,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<WaveWebClientCustomizer> customizers,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<WaveHttpClientConfigurer> http) {
		WebClient.Builder builder = newBuilder(webClientBuilder, http).baseUrl(properties.getBaseUrl().toString())
			.filter(new WaveBearerTokenFilter(tokens, new BaseUrlScope(properties.getBaseUrl()),
					observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP)));
		BlueApiErrors.register(builder, jsonMapper.getIfAvailable(BlueStreams.defaults()::getJsonMapper));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/**
	 * A builder from Boot's {@code WebClient.Builder} (codecs, observation, the
	 * application's connector), with the {@code wave.http.*} settings applied.
	 */
	private static WebClient.Builder newBuilder(ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<WaveHttpClientConfigurer> http) {
		return http.getIfAvailable(() -> WaveHttpClientConfigurer.NONE)
			.configure(webClientBuilder.getIfAvailable(WebClient::builder));
	}

}
