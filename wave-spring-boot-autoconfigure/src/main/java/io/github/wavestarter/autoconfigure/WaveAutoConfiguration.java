package io.github.wavestarter.autoconfigure;

import java.time.Clock;

import io.github.wavestarter.blue.BlueApiErrors;
import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.client.WaveBearerTokenFilter;
import io.github.wavestarter.client.WaveTokenEndpointClientCustomizer;
import io.github.wavestarter.client.WaveWebClientCustomizer;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.github.wavestarter.token.WaveTokenManager;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.MethodMetadata;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.util.Assert;
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

	@Bean
	WaveSettings waveSettings(WaveProperties properties, Environment environment, ObjectProvider<SslBundles> sslBundles,
			ConfigurableListableBeanFactory beanFactory) {
		return WavePropertiesMapper.map(properties, environment, sslBundles.getIfAvailable(),
				isOwnRegistration(beanFactory));
	}

	@Bean(WAVE_CLIENT_REGISTRATION_BEAN_NAME)
	@ConditionalOnMissingBean(name = WAVE_CLIENT_REGISTRATION_BEAN_NAME)
	ClientRegistration waveClientRegistration(WaveSettings settings) {
		ClientRegistration registration = settings.registration();
		Assert.state(registration != null, "No registration was made from wave.*");
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(WaveAccessTokenProvider.class)
	WaveTokenManager waveTokenManager(@Qualifier(WAVE_CLIENT_REGISTRATION_BEAN_NAME) ClientRegistration registration,
			WaveSettings settings, WaveConnector connector, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<WaveTokenEndpointClientCustomizer> customizers, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<ObservationRegistry> observationRegistry,
			@Qualifier(WAVE_CLOCK_BEAN_NAME) ObjectProvider<Clock> clock, WaveProperties properties,
			Environment environment) {
		WebClient.Builder builder = connector.apply(webClientBuilder.getIfAvailable(WebClient::builder));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		logger.info(WaveStartupLine.of(registration, properties, environment));
		return WaveTokenManager.builder(registration, builder.build(), settings.token())
			.user(settings.username(), settings.password())
			.jsonMapper(jsonMapper.getIfAvailable(JsonMapper::shared))
			.observationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP))
			.clock(clock.getIfAvailable(Clock::systemUTC))
			.build();
	}

	@Bean(WAVE_WEB_CLIENT_BEAN_NAME)
	@Fallback
	@ConditionalOnMissingBean(name = WAVE_WEB_CLIENT_BEAN_NAME)
	WebClient waveWebClient(WaveSettings settings, WaveConnector connector, WaveAccessTokenProvider tokens,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<WaveWebClientCustomizer> customizers,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<ObservationRegistry> observationRegistry) {
		WebClient.Builder builder = connector.apply(webClientBuilder.getIfAvailable(WebClient::builder))
			.baseUrl(settings.baseUrl().toString())
			.filter(new WaveBearerTokenFilter(tokens, settings.baseUrl(),
					observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP)));
		BlueApiErrors.register(builder, jsonMapper.getIfAvailable(BlueStreams.defaults()::getJsonMapper));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/**
	 * Whether {@code waveClientRegistration} is this configuration's (made from
	 * {@code wave.*}, which then needs the credentials) rather than the application's.
	 */
	private static boolean isOwnRegistration(ConfigurableListableBeanFactory beanFactory) {
		if (!beanFactory.containsBeanDefinition(WAVE_CLIENT_REGISTRATION_BEAN_NAME)) {
			return !beanFactory.containsSingleton(WAVE_CLIENT_REGISTRATION_BEAN_NAME);
		}
		BeanDefinition definition = beanFactory.getBeanDefinition(WAVE_CLIENT_REGISTRATION_BEAN_NAME);
		MethodMetadata factoryMethod = (definition instanceof AnnotatedBeanDefinition annotated)
				? annotated.getFactoryMethodMetadata() : null;
		return factoryMethod != null
				&& factoryMethod.getDeclaringClassName().equals(WaveAutoConfiguration.class.getName());
	}

}
