package io.github.wavestarter.test.spring;

import io.github.wavestarter.test.MockWaveSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Activates {@link EnableMockWave}; registered in {@code META-INF/spring.factories}.
 * Returns {@code null} (no customization) for test classes without the annotation.
 */
public final class MockWaveContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		EnableMockWave annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, EnableMockWave.class);
		return annotation == null ? null : new MockWaveContextCustomizer(MockWaveSettings.of(annotation));
	}

}
