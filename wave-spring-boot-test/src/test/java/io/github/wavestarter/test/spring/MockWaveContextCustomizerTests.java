package io.github.wavestarter.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.MockWaveSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

class MockWaveContextCustomizerTests {

	@EnableMockWave(propertyPrefix = "custom", userProperties = false)
	static class Annotated {

	}

	@EnableMockWave(propertyPrefix = "custom", userProperties = false)
	static class SameSettings {

	}

	static class NotAnnotated {

	}

	@Test
	void noCustomizerWithoutTheAnnotation() {
		assertThat(new MockWaveContextCustomizerFactory().createContextCustomizer(NotAnnotated.class, List.of()))
			.isNull();
	}

	@Test
	void serverLivesAsLongAsTheContextAndHonoursPrefixAndUserSwitch() {
		ContextCustomizer customizer = new MockWaveContextCustomizerFactory().createContextCustomizer(Annotated.class,
				List.of());
		GenericApplicationContext context = new GenericApplicationContext();
		customizer.customizeContext(context, null);
		context.refresh();

		MockWaveServer server = context.getBean(MockWaveServer.class);
		assertThat(context.getEnvironment().getProperty("custom.base-url")).isEqualTo(server.baseUrl());
		assertThat(context.getEnvironment().getProperty("custom.token-uri")).isEqualTo(server.tokenUri());
		assertThat(context.getEnvironment().containsProperty("custom.username")).isFalse();
		assertThat(context.getEnvironment().containsProperty("wave.base-url")).isFalse();
		assertThat(server.isClosed()).isFalse();

		context.close();

		assertThat(server.isClosed()).isTrue();
	}

	@Test
	void customizersAreEqualForEqualSettingsSoSuchClassesShareAContextAndAServer() {
		MockWaveContextCustomizerFactory factory = new MockWaveContextCustomizerFactory();
		ContextCustomizer annotated = factory.createContextCustomizer(Annotated.class, List.of());
		ContextCustomizer same = factory.createContextCustomizer(SameSettings.class, List.of());
		ContextCustomizer defaults = factory.createContextCustomizer(EnableMockWaveSpringBootTests.class, List.of());
		assertThat(annotated).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(defaults);
		assertThat(((MockWaveContextCustomizer) defaults).settings()).isEqualTo(MockWaveSettings.defaults());
	}

}
