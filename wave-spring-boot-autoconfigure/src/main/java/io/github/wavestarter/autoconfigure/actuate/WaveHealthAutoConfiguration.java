package io.github.wavestarter.autoconfigure.actuate;

import java.util.Map;
import java.util.TreeMap;

import io.github.wavestarter.autoconfigure.WaveAutoConfiguration;
import io.github.wavestarter.autoconfigure.WaveProperties;
import io.github.wavestarter.client.WaveClients;
import io.github.wavestarter.token.WaveAccessTokenProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Publishes the {@code wave} health contributor when Spring Boot's health support
 * (Actuator) is present: a {@link WaveReactiveHealthIndicator} in reactive web
 * applications, a {@link WaveHealthIndicator} otherwise. Turned off with
 * {@code management.health.wave.enabled=false}; {@code wave.health.active=true} makes it
 * obtain a token (through the cache) on each check.
 */
@AutoConfiguration(after = WaveAutoConfiguration.class,
		beforeName = "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration")
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(WaveClients.class)
@ConditionalOnEnabledHealthIndicator("wave")
@EnableConfigurationProperties(WaveProperties.class)
public final class WaveHealthAutoConfiguration {

	/** Name of the health indicator bean (contributor name {@code wave}). */
	public static final String BEAN_NAME = "waveHealthIndicator";

	static WaveHealthEvaluator evaluator(WaveAccessTokenProvider tokens, WaveProperties properties) {
		WaveProperties.Health health = properties.getHealth();
		return WaveHealthEvaluator.of(tokens, properties.getRegistrationId(), health.isActive(), health.getTimeout());
	}

	/**
	 * The named clients of {@code wave.clients.*} (not those registered at run time,
	 * which would make the health report grow without bound): the contributor
	 * {@code waveClients}, one {@code wave} indicator per client.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "waveClientsHealthContributor")
	@Conditional(NamedClientsCondition.class)
	CompositeHealthContributor waveClientsHealthContributor(WaveClients clients, WaveProperties properties) {
		WaveProperties.Health health = properties.getHealth();
		Map<String, String> names = new TreeMap<>();
		properties.getClients().keySet().forEach((name) -> names.put(name, name));
		return CompositeHealthContributor.fromMap(names, (name) -> new WaveHealthIndicator(
				WaveHealthEvaluator.of(clients.tokens(name), name, health.isActive(), health.getTimeout())));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnBean(WaveAccessTokenProvider.class)
	static class Reactive {

		@Bean(BEAN_NAME)
		@ConditionalOnMissingBean(name = BEAN_NAME)
		WaveReactiveHealthIndicator waveHealthIndicator(WaveAccessTokenProvider tokens, WaveProperties properties) {
			return new WaveReactiveHealthIndicator(evaluator(tokens, properties));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(NotReactiveWebApplication.class)
	@ConditionalOnBean(WaveAccessTokenProvider.class)
	static class Imperative {

		@Bean(BEAN_NAME)
		@ConditionalOnMissingBean(name = BEAN_NAME)
		WaveHealthIndicator waveHealthIndicator(WaveAccessTokenProvider tokens, WaveProperties properties) {
			return new WaveHealthIndicator(evaluator(tokens, properties));
		}

	}

	/** Whether {@code wave.clients.*} names clients. */
	static class NamedClientsCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean named = !Binder.get(context.getEnvironment())
				.bind("wave.clients", Bindable.mapOf(String.class, Object.class))
				.orElse(Map.of())
				.isEmpty();
			return named ? ConditionOutcome.match("wave.clients.* names clients")
					: ConditionOutcome.noMatch("no named clients");
		}

	}

	static class NotReactiveWebApplication extends NoneNestedConditions {

		NotReactiveWebApplication() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnWebApplication(type = Type.REACTIVE)
		static class Reactive {

		}

	}

}
