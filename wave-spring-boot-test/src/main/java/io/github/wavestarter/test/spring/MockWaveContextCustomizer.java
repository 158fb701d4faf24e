package io.github.wavestarter.test.spring;

import io.github.wavestarter.test.MockWaveServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link MockWaveServer} for a context, publishes its coordinates as properties
 * and registers it as bean {@value #BEAN_NAME}. Equality includes the test class, so
 * every annotated test class gets its own context and server.
 */
public final class MockWaveContextCustomizer implements ContextCustomizer {

	/** Name of the singleton bean holding the server. */
	public static final String BEAN_NAME = "mockWaveServer";

	/** Name of the property source with the {@code wave.*} properties. */
	public static final String PROPERTY_SOURCE_NAME = "mockWaveServer";

	private final Class<?> testClass;

	private final EnableMockWave settings;

	MockWaveContextCustomizer(Class<?> testClass, EnableMockWave settings) {
		this.testClass = testClass;
		this.settings = settings;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
		MockWaveServer server = MockWaveServer.builder()
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.user(settings.username(), settings.password())
			.tokenExpiresIn(Duration.ofSeconds(settings.tokenExpiresInSeconds()))
			.lenientFormEncoding(settings.lenientFormEncoding())
			.refreshTokenGrant(settings.refreshTokenGrant())
			.ripple(settings.ripple())
			.start();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties(server, settings)));
		context.getBeanFactory().registerSingleton(BEAN_NAME, server);
		Thread shutdownHook = new Thread(server::close, "mock-wave-server-shutdown");
		Runtime.getRuntime().addShutdownHook(shutdownHook);
		context.addApplicationListener(new CloseOnContextClosed(context, server, shutdownHook));
	}

	/**
	 * @return the properties an {@link EnableMockWave} context gets for {@code server}
	 */
	static Map<String, Object> properties(MockWaveServer server, EnableMockWave settings) {
		String prefix = settings.propertyPrefix().isEmpty() ? "" : settings.propertyPrefix() + ".";
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(prefix + "token-uri", server.tokenUri());
		properties.put(prefix + "base-url", server.baseUrl());
		properties.put(prefix + "client-id", server.clientId());
		properties.put(prefix + "client-secret", server.clientSecret());
		if (settings.userProperties()) {
			properties.put(prefix + "username", server.username());
			properties.put(prefix + "password", server.password());
		}
		return properties;
	}

	private static final class CloseOnContextClosed implements ApplicationListener<ContextClosedEvent> {

		private final ConfigurableApplicationContext context;

		private final MockWaveServer server;

		private final Thread shutdownHook;

		CloseOnContextClosed(ConfigurableApplicationContext context, MockWaveServer server, Thread shutdownHook) {
			this.context = context;
			this.server = server;
			this.shutdownHook = shutdownHook;
		}

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			if (event.getApplicationContext() != context) {
				return;
			}
			server.close();
			try {
				Runtime.getRuntime().removeShutdownHook(shutdownHook);
			}
			catch (IllegalStateException alreadyShuttingDown) {
				// the hook runs anyway; close() is idempotent
			}
		}

	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MockWaveContextCustomizer that && testClass == that.testClass
				&& settings.equals(that.settings);
	}

	@Override
	public int hashCode() {
		return Objects.hash(testClass, settings);
	}

}
