package io.github.wavestarter.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wavestarter.test.MockWaveServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * The demo-backend switch. Unless the {@value #REAL_PROFILE} profile is active, it starts
 * the in-process Wave emulator ({@link MockWaveServer}) once the environment is prepared,
 * before any bean exists, and points {@code wave.*} at it; the server is closed when the
 * context closes or startup fails. With the {@value #REAL_PROFILE} profile it does
 * nothing, so the starter uses the real endpoints and the user's credentials unchanged.
 * <p>
 * Registered by {@link SampleApplication#application()} only, not through
 * {@code spring.factories}, so it cannot leak into other applications.
 */
class DemoBackend implements ApplicationListener<ApplicationEvent>, Ordered {

	/** Profile that switches the sample to the real Wave API. */
	static final String REAL_PROFILE = "wave";

	/** Property set to {@code true} when the sample runs against the emulator. */
	static final String DEMO_PROPERTY = "sample.demo";

	/** Name of the property source that points {@code wave.*} at the emulator. */
	static final String PROPERTY_SOURCE_NAME = "sampleDemoBackend";

	private static final Log logger = LogFactory.getLog(DemoBackend.class);

	private MockWaveServer server;

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			start(prepared.getEnvironment());
		}
		else if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
			stop();
		}
	}

	private synchronized void start(ConfigurableEnvironment environment) {
		if (environment.acceptsProfiles(Profiles.of(REAL_PROFILE)) || this.server != null) {
			return;
		}
		if (environment.containsProperty("wave.client-id")) {
			logger.warn("Wave credentials are configured but profile '" + REAL_PROFILE
					+ "' is not active: ignoring them and using the in-process emulator");
		}
		this.server = MockWaveServer.start();
		Map<String, Object> properties = new LinkedHashMap<>(this.server.springProperties());
		properties.put("wave.grant-type", "client-credentials");
		properties.put(DEMO_PROPERTY, "true");
		// first: the demo must win over any wave.* the user has configured
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		logger.debug("Started " + this.server);
	}

	private synchronized void stop() {
		if (this.server != null) {
			this.server.close();
			this.server = null;
		}
	}

	/**
	 * Runs after Boot's own environment listeners, once config data and profiles are
	 * known.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
