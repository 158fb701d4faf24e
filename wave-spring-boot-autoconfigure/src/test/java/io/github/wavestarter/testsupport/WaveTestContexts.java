package io.github.wavestarter.testsupport;

import io.github.wavestarter.autoconfigure.WaveAutoConfiguration;
import io.github.wavestarter.autoconfigure.actuate.WaveHealthAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

/**
 * Real application contexts with Boot's own auto-configurations for the HTTP client,
 * codecs, Jackson, SSL bundles, observations, metrics and health, plus the Wave ones.
 */
public final class WaveTestContexts {

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
			HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class,
			JacksonAutoConfiguration.class, SslAutoConfiguration.class, WebClientAutoConfiguration.class,
			WebClientObservationAutoConfiguration.class, ObservationAutoConfiguration.class,
			MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
			CompositeMeterRegistryAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
			WaveAutoConfiguration.class, WaveHealthAutoConfiguration.class);

	private WaveTestContexts() {
	}

	/** A non-web context, configured for the given loopback server. */
	public static ApplicationContextRunner forServer(NettyWaveServer server) {
		return new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues(properties(server));
	}

	/** A reactive web context, configured for the given loopback server. */
	public static ReactiveWebApplicationContextRunner reactiveForServer(NettyWaveServer server) {
		return new ReactiveWebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues(properties(server));
	}

	/** A servlet web context, configured for the given loopback server. */
	public static WebApplicationContextRunner servletForServer(NettyWaveServer server) {
		return new WebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues(properties(server));
	}

	public static String[] properties(NettyWaveServer server) {
		return new String[] { "wave.client-id=" + server.clientId, "wave.client-secret=" + server.clientSecret,
				"wave.token-uri=" + server.tokenUri(), "wave.base-url=" + server.apiBaseUrl(),
				"wave.token.retry-backoff=10ms", "spring.reactor.netty.shutdown-quiet-period=0s" };
	}

}
