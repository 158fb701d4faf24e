package io.github.wavestarter.testsupport;

import java.util.Arrays;
import java.util.stream.Stream;

import io.github.wavestarter.autoconfigure.WaveAutoConfiguration;
import io.github.wavestarter.autoconfigure.actuate.WaveHealthAutoConfiguration;
import io.github.wavestarter.test.MockWaveServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

/**
 * Real application contexts for the starter's tests, pointed at a {@link MockWaveServer}:
 * either the auto-configurations a plain Boot application with the starter has
 * ({@link #autoConfigurations()}), or those plus Boot's SSL bundles, codecs,
 * observations, metrics and health ({@link #forServer(MockWaveServer)} and friends).
 */
public final class WaveContexts {

	/** Lets a test context close without Reactor Netty's two-second quiet period. */
	public static final String FAST_SHUTDOWN = "spring.reactor.netty.shutdown-quiet-period=0s";

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(JacksonAutoConfiguration.class,
			HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			ImperativeHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
			RestClientAutoConfiguration.class, WaveAutoConfiguration.class);

	private static final AutoConfigurations OPERATIONS_AUTO_CONFIGURATIONS = AutoConfigurations.of(
			HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class,
			JacksonAutoConfiguration.class, SslAutoConfiguration.class, WebClientAutoConfiguration.class,
			WebClientObservationAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
			RestClientAutoConfiguration.class, RestClientObservationAutoConfiguration.class,
			ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
			HealthContributorRegistryAutoConfiguration.class, WaveAutoConfiguration.class,
			WaveHealthAutoConfiguration.class);

	private WaveContexts() {
	}

	/**
	 * Whether the suite runs with the Wave clients on the JDK {@code HttpClient}
	 * ({@code -Dwave.http.connector=jdk}, Surefire's {@code jdk-connector} execution)
	 * rather than on Reactor Netty, for the few assertions on a library's own types.
	 * @return whether the JDK connector is in use
	 */
	public static boolean jdkConnector() {
		return "jdk".equalsIgnoreCase(System.getProperty("wave.http.connector"));
	}

	/** The auto-configurations a plain Boot application with the starter has. */
	public static AutoConfigurations autoConfigurations() {
		return AUTO_CONFIGURATIONS;
	}

	/** The starter's settings for the server's credentials and addresses. */
	public static String[] properties(MockWaveServer server) {
		Stream<String> wave = server.springProperties()
			.entrySet()
			.stream()
			.map((property) -> property.getKey() + "=" + property.getValue());
		return Stream.concat(wave, Stream.of(FAST_SHUTDOWN)).toArray(String[]::new);
	}

	/** A plain non-web context with the starter, configured for the server. */
	public static ApplicationContextRunner plainForServer(MockWaveServer server) {
		return new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues(properties(server));
	}

	/**
	 * A non-web context with health, metrics and SSL bundles, configured for the server.
	 */
	public static ApplicationContextRunner forServer(MockWaveServer server) {
		return new ApplicationContextRunner().withConfiguration(OPERATIONS_AUTO_CONFIGURATIONS)
			.withPropertyValues(operationsProperties(server));
	}

	/**
	 * A reactive web context with health, metrics and SSL bundles, configured for the
	 * server.
	 */
	public static ReactiveWebApplicationContextRunner reactiveForServer(MockWaveServer server) {
		return new ReactiveWebApplicationContextRunner().withConfiguration(OPERATIONS_AUTO_CONFIGURATIONS)
			.withPropertyValues(operationsProperties(server));
	}

	/**
	 * A servlet web context with health, metrics and SSL bundles, configured for the
	 * server.
	 */
	public static WebApplicationContextRunner servletForServer(MockWaveServer server) {
		return new WebApplicationContextRunner().withConfiguration(OPERATIONS_AUTO_CONFIGURATIONS)
			.withPropertyValues(operationsProperties(server));
	}

	/** {@link #properties(MockWaveServer)} plus a short retry back-off. */
	public static String[] operationsProperties(MockWaveServer server) {
		String[] base = properties(server);
		String[] all = Arrays.copyOf(base, base.length + 1);
		all[base.length] = "wave.token.retry-backoff=10ms";
		return all;
	}

}
