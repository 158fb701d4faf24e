package io.github.wavestarter.autoconfigure;

import java.time.Clock;

import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.client.WaveClients;
import io.github.wavestarter.client.WaveRestClientCustomizer;
import io.github.wavestarter.client.WaveTokenEndpointClientCustomizer;
import io.github.wavestarter.client.WaveWebClientCustomizer;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.github.wavestarter.token.WaveTokenManager;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the Wave starter: the Wave client registration, the application's
 * token manager, and two clients for the Blue API that carry the same Wave token and turn
 * error answers into {@link io.github.wavestarter.blue.BlueApiException}s:
 * {@code waveWebClient} (a {@link WebClient}) and {@code waveRestClient} (a
 * {@link RestClient}, its blocking twin).
 * <p>
 * It publishes no bean of Spring Security's shared OAuth2 client types (repositories,
 * managers, providers, token response clients), so an application's own OAuth2 setup is
 * left as it is.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, ClientRegistration.class, ReactiveOAuth2AuthorizedClientManager.class })
@ConditionalOnBooleanProperty(name = "wave.enabled", matchIfMissing = true)
@EnableConfigurationProperties(WaveProperties.class)
@Import({ WaveHttpConfiguration.class, WaveHttpServiceGroupConfiguration.class })
public final class WaveAutoConfiguration {

	/** Name of the Blue API {@link WebClient} bean. */
	public static final String WAVE_WEB_CLIENT_BEAN_NAME = "waveWebClient";

	/** Name of the Blue API {@link RestClient} bean. */
	public static final String WAVE_REST_CLIENT_BEAN_NAME = "waveRestClient";

	/** Name of the Wave {@link ClientRegistration} bean. */
	public static final String WAVE_CLIENT_REGISTRATION_BEAN_NAME = "waveClientRegistration";

	/**
	 * Name of an optional {@link Clock} bean the token manager reads (token renewal,
	 * forced renewal interval, health); without one it uses the system UTC clock.
	 */
	public static final String WAVE_CLOCK_BEAN_NAME = "waveClock";

	private static final Log logger = LogFactory.getLog(WaveAutoConfiguration.class);

	/**
	 * The checked configuration; the credentials are checked only when the registration
	 * is made from {@code wave.*} (when {@link PropertiesRegistration} is in the
	 * context), not when the application defines its own {@code waveClientRegistration}.
	 */
	@Bean
	WaveSettings waveSettings(WaveProperties properties, Environment environment, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<PropertiesRegistration> propertiesRegistration, ResourceLoader resourceLoader) {
		return WavePropertiesMapper.map(properties, environment, sslBundles.getIfAvailable(),
				propertiesRegistration.getIfAvailable() != null, resourceLoader.getClassLoader());
	}

	/**
	 * Builds the token managers and clients of the default and the named clients.
	 */
	@Bean
	@Lazy
	WaveClientFactory waveClientFactory(WaveConnectors connectors, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<WaveTokenEndpointClientCustomizer> tokenEndpointCustomizers,
			ObjectProvider<WaveWebClientCustomizer> webClientCustomizers,
			ObjectProvider<WaveRestClientCustomizer> restClientCustomizers, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<ObservationRegistry> observationRegistry,
			@Qualifier(WAVE_CLOCK_BEAN_NAME) ObjectProvider<Clock> clock) {
		return new WaveClientFactory(connectors, webClientBuilder, restClientBuilder, tokenEndpointCustomizers,
				webClientCustomizers, restClientCustomizers,
				jsonMapper.getIfAvailable(() -> BlueStreams.defaults().getJsonMapper()),
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
				clock.getIfAvailable(Clock::systemUTC));
	}

	/**
	 * The token manager, created when the first token is needed (or when a bean that
	 * needs it is created), so that an application that calls only {@code waveRestClient}
	 * does not load the reactive stack at start-up.
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean(WaveAccessTokenProvider.class)
	@Conditional(DefaultClientCondition.class)
	WaveTokenManager waveTokenManager(@Qualifier(WAVE_CLIENT_REGISTRATION_BEAN_NAME) ClientRegistration registration,
			WaveSettings settings, WaveClientFactory factory) {
		return factory.tokenManager(registration, settings, WaveClients.DEFAULT);
	}

	/**
	 * Logs which registration and credentials the starter uses, once the context is up.
	 */
	@Bean
	SmartInitializingSingleton waveStartupLine(
			@Qualifier(WAVE_CLIENT_REGISTRATION_BEAN_NAME) ObjectProvider<ClientRegistration> registration,
			WaveProperties properties, Environment environment) {
		return () -> {
			if (logger.isInfoEnabled()) {
				registration.ifAvailable((wave) -> logger.info(WaveStartupLine.of(wave, properties, environment)));
			}
		};
	}

	/**
	 * What makes a client a Wave client, created with the first Wave client. The token
	 * provider is looked up at the first request.
	 */
	@Bean
	@Lazy
	WaveClientSetup waveClientSetup(WaveSettings settings, WaveClientFactory factory,
			ObjectProvider<WaveAccessTokenProvider> tokens) {
		return factory.setup(settings, new LazyTokenProvider(tokens), WaveClients.DEFAULT);
	}

	/**
	 * The Blue API {@code WebClient}, created when first injected or looked up.
	 */
	@Bean(WAVE_WEB_CLIENT_BEAN_NAME)
	@Lazy
	@Fallback
	@ConditionalOnMissingBean(name = WAVE_WEB_CLIENT_BEAN_NAME)
	WebClient waveWebClient(WaveClientSetup setup, WaveClientFactory factory) {
		return factory.webClient(setup);
	}

	/**
	 * The Blue API {@code RestClient}, created when first injected or looked up.
	 */
	@Bean(WAVE_REST_CLIENT_BEAN_NAME)
	@Lazy
	@Fallback
	@ConditionalOnMissingBean(name = WAVE_REST_CLIENT_BEAN_NAME)
	RestClient waveRestClient(WaveClientSetup setup, WaveClientFactory factory) {
		return factory.restClient(setup);
	}

	/**
	 * The default client and the named ones ({@code wave.clients.*} and those registered
	 * at run time), by name, created when first injected or looked up (the named clients
	 * are checked with {@code waveSettings}, at start-up).
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean(WaveClients.class)
	WaveClientRegistry waveClients(WaveSettings settings, WaveProperties properties,
			ObjectProvider<WaveClientFactory> factory, ObjectProvider<BlueStreams> blueStreams,
			@Qualifier(WAVE_WEB_CLIENT_BEAN_NAME) ObjectProvider<WebClient> waveWebClient,
			@Qualifier(WAVE_REST_CLIENT_BEAN_NAME) ObjectProvider<RestClient> waveRestClient,
			ObjectProvider<WaveAccessTokenProvider> tokens, ListableBeanFactory beanFactory) {
		boolean defaultClient = beanFactory.getBeanNamesForType(WaveAccessTokenProvider.class, true, false).length > 0;
		return new WaveClientRegistry(settings, properties, factory, blueStreams,
				defaultClient ? new WaveClientRegistry.DefaultBeans(waveWebClient, waveRestClient, tokens) : null);
	}

	/**
	 * The client registration made from {@code wave.*}, unless the application defines
	 * its own {@code waveClientRegistration}. A configuration class of its own, so that
	 * {@code waveSettings} can tell (in AOT-processed applications too) whether the
	 * credentials are needed.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(name = WAVE_CLIENT_REGISTRATION_BEAN_NAME)
	@Conditional(DefaultClientCondition.class)
	static class PropertiesRegistration {

		@Bean(WAVE_CLIENT_REGISTRATION_BEAN_NAME)
		ClientRegistration waveClientRegistration(WaveSettings settings) {
			ClientRegistration registration = settings.registration();
			Assert.state(registration != null, "No registration was made from wave.*");
			return registration;
		}

	}

}
