package io.github.wavestarter.autoconfigure;

import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Whether the application has a client of {@code wave.*}: always, unless it configures
 * named clients only ({@code wave.clients.*} without {@code wave.client-id} or
 * {@code wave.client-secret}, nor a {@code waveClientRegistration} of its own). The SDK
 * variables count, as they become {@code wave.*} before this is evaluated.
 */
class DefaultClientCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		if (StringUtils.hasText(environment.getProperty("wave.client-id"))
				|| StringUtils.hasText(environment.getProperty("wave.client-secret"))) {
			return ConditionOutcome.match("wave.client-id or wave.client-secret is set");
		}
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (beanFactory != null
				&& beanFactory.containsBeanDefinition(WaveAutoConfiguration.WAVE_CLIENT_REGISTRATION_BEAN_NAME)) {
			return ConditionOutcome.match("the application defines waveClientRegistration");
		}
		Map<String, Object> clients = Binder.get(environment)
			.bind("wave.clients", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		return clients.isEmpty() ? ConditionOutcome.match("no named clients in wave.clients.*")
				: ConditionOutcome.noMatch("only named clients are configured (wave.clients.*)");
	}

}
