package io.github.wavestarter.test.spring;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.MockWaveSettings;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the context's {@link MockWaveServer} after each test method when
 * {@link EnableMockWave#resetAfterEach()} is set (journal, faults, stubs and the settings
 * changed at runtime), so that test classes sharing a cached context and its server do
 * not see each other's state. Registered in {@code META-INF/spring.factories}.
 */
public final class MockWaveTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		EnableMockWave annotation = TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(),
				EnableMockWave.class);
		if (annotation == null || !MockWaveSettings.of(annotation).resetAfterEach()
				|| !testContext.hasApplicationContext()) {
			return;
		}
		testContext.getApplicationContext().getBeanProvider(MockWaveServer.class).ifAvailable(MockWaveServer::reset);
	}

}
