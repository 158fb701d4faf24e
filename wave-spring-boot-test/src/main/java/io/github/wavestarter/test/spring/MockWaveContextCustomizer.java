package io.github.wavestarter.test.spring;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.MockWaveSettings;
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
 * and registers it as bean {@value #BEAN_NAME}. Equality is that of the
 * {@linkplain MockWaveSettings settings}, so test classes with equal
 * {@link EnableMockWave} settings (and otherwise equal configuration) share one cached
 * context and one server; the server lives as long as that context.
 */
public final class MockWaveContextCustomizer implements ContextCustomizer {

	/** Name of the singleton bean holding the server. */
	public static final String BEAN_NAME = "mockWaveServer";

	/** Name of the property source with the {@code wave.*} properties. */
	public static final String PROPERTY_SOURCE_NAME = "mockWaveServer";

	private final MockWaveSettings settings;

	MockWaveContextCustomizer(MockWaveSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * @return the settings the server is started with
	 */
	public MockWaveSettings settings() {
		return settings;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
		MockWaveServer server = settings.start();
		Map<String, Object> properties = new LinkedHashMap<>(settings.springProperties(server));
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		context.getBeanFactory().registerSingleton(BEAN_NAME, server);
		Thread shutdownHook = new Thread(server::close, "mock-wave-server-shutdown");
		Runtime.getRuntime().addShutdownHook(shutdownHook);
		context.addApplicationListener(new CloseOnContextClosed(context, server, shutdownHook));
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
		return other instanceof MockWaveContextCustomizer that && settings.equals(that.settings);
	}

	@Override
	public int hashCode() {
		return Objects.hash(MockWaveContextCustomizer.class, settings);
	}

	@Override
	public String toString() {
		return "MockWaveContextCustomizer[" + settings + "]";
	}

}
