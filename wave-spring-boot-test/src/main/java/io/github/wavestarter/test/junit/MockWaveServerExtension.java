package io.github.wavestarter.test.junit;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.MockWaveSettings;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link MockWaveServerTest}. It can also be registered
 * programmatically with a customized builder:
 *
 * <pre>{@code
 * &#64;RegisterExtension
 * static MockWaveServerExtension wave = new MockWaveServerExtension(
 *         MockWaveServer.builder().tokenExpiresIn(Duration.ofSeconds(2)));
 * }</pre>
 *
 * One server is started per top-level test class (lazily, at the latest before all tests)
 * and closed with the class' extension store.
 */
public final class MockWaveServerExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(MockWaveServerExtension.class);

	private final MockWaveServer.Builder builder;

	private final boolean resetAfterEach;

	private volatile MockWaveServer lastServer;

	/** Used by {@link MockWaveServerTest}; settings come from the annotation. */
	public MockWaveServerExtension() {
		this(null, true);
	}

	/**
	 * Programmatic registration with a customized builder; the server is reset after each
	 * test.
	 */
	public MockWaveServerExtension(MockWaveServer.Builder builder) {
		this(builder, true);
	}

	/** Programmatic registration with a customized builder and explicit reset policy. */
	public MockWaveServerExtension(MockWaveServer.Builder builder, boolean resetAfterEach) {
		this.builder = builder;
		this.resetAfterEach = resetAfterEach;
	}

	/**
	 * @return the server of the currently running test class (programmatic registration)
	 */
	public MockWaveServer server() {
		MockWaveServer server = lastServer;
		if (server == null) {
			throw new IllegalStateException("MockWaveServer not started yet; it starts before all tests");
		}
		return server;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		server(context);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (shouldReset(context)) {
			server(context).reset();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == MockWaveServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return server(extensionContext);
	}

	private MockWaveServer server(ExtensionContext context) {
		ExtensionContext classContext = topLevelClassContext(context);
		MockWaveServer server = classContext.getStore(NAMESPACE)
			.computeIfAbsent(MockWaveServer.class, key -> start(classContext), MockWaveServer.class);
		lastServer = server;
		return server;
	}

	private MockWaveServer start(ExtensionContext classContext) {
		MockWaveServer.Builder custom = builder;
		if (custom != null) {
			return custom.start();
		}
		return settings(classContext).start();
	}

	private boolean shouldReset(ExtensionContext context) {
		if (builder != null) {
			return resetAfterEach;
		}
		return settings(topLevelClassContext(context)).resetAfterEach();
	}

	private static MockWaveSettings settings(ExtensionContext classContext) {
		return classContext.getTestClass()
			.flatMap(type -> AnnotationSupport.findAnnotation(type, MockWaveServerTest.class))
			.map(MockWaveSettings::of)
			.orElseGet(MockWaveSettings::defaults);
	}

	/**
	 * The outermost context that still has a test class, so nested classes share the
	 * server.
	 */
	private static ExtensionContext topLevelClassContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getParent().isPresent() && current.getParent().get().getTestClass().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

}
