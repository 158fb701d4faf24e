package io.github.wavestarter.bench.startup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * A non-web application with the starter, started in a process of its own by
 * {@link StartupBenchmark}: it starts, optionally makes one call through
 * {@code waveRestClient}, prints what it cost and exits. Arguments: the mode
 * ({@code disabled}: {@code wave.enabled=false}; {@code own-rest-client}: disabled, and a
 * {@code RestClient} built from Boot's builder, as an application's own; {@code enabled};
 * {@code rest-client}: enabled, and {@code waveRestClient} built, as when a bean injects
 * it; {@code first-call}: enabled, and one call), the token URI and the base URL.
 */
public final class StartupApp {

	private StartupApp() {
	}

	public static void main(String[] args) throws IOException {
		String mode = args[0];
		SpringApplicationBuilder builder = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("wave.enabled=" + !(mode.equals("disabled") || mode.equals("own-rest-client")),
					"wave.client-id=startup-client", "wave.client-secret=s3cret", "wave.token-uri=" + args[1],
					"wave.base-url=" + args[2], "logging.level.root=WARN",
					"spring.reactor.netty.shutdown-quiet-period=0s");
		long firstCallMillis = -1;
		try (ConfigurableApplicationContext context = builder.run()) {
			if (mode.equals("own-rest-client")) {
				context.getBean(RestClient.Builder.class).build();
			}
			if (mode.equals("rest-client")) {
				context.getBean("waveRestClient", RestClient.class);
			}
			if (mode.equals("first-call")) {
				RestClient wave = context.getBean("waveRestClient", RestClient.class);
				String body = wave.get().uri("/accounts").retrieve().body(String.class);
				if (body == null || !body.contains("acct-1")) {
					throw new IllegalStateException("unexpected answer: " + body);
				}
				firstCallMillis = ManagementFactory.getRuntimeMXBean().getUptime();
			}
			long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
			System.out.printf(Locale.ROOT, "STARTUP mode=%s cpuMs=%d rssKb=%d classes=%d uptimeMs=%d firstCallMs=%d%n",
					mode, cpuNanos / 1_000_000, peakRssKb(),
					ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(),
					ManagementFactory.getRuntimeMXBean().getUptime(), firstCallMillis);
			System.out.flush();
		}
		System.exit(0);
	}

	/** The process's peak resident set (Linux {@code VmHWM}), or -1 elsewhere. */
	private static long peakRssKb() throws IOException {
		Path status = Path.of("/proc/self/status");
		if (!Files.isReadable(status)) {
			return -1;
		}
		for (String line : Files.readAllLines(status)) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		return -1;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
