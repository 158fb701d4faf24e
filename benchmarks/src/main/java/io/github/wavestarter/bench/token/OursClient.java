package io.github.wavestarter.bench.token;

import io.github.wavestarter.autoconfigure.WaveAutoConfiguration;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import reactor.core.publisher.Mono;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The starter, wired by Spring Boot exactly as in an application: a non-web context with
 * auto-configuration (the starter's classpath: Jackson, WebClient, Reactor Netty,
 * {@code WaveAutoConfiguration}) and the {@code wave.*} properties pointing at loopback.
 */
final class OursClient implements BenchClient {

	static final String CLIENT_ID = "ours-client";

	private final ConfigurableApplicationContext context;

	private final WebClient waveWebClient;

	OursClient(LoopbackServers servers, String... properties) {
		this.context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.properties("wave.client-id=" + CLIENT_ID, "wave.client-secret=" + LoopbackServers.CLIENT_SECRET,
					"wave.token-uri=" + servers.tokenUri(), "wave.base-url=" + servers.baseUrl(),
					// a rate limit that never binds: its cost is measured, not its pace
					"wave.api.max-requests-per-second=1000000", "logging.level.root=WARN")
			.properties(properties)
			.run();
		this.waveWebClient = this.context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class);
	}

	@Override
	public String clientId() {
		return CLIENT_ID;
	}

	@Override
	public Mono<Integer> call() {
		return BenchClient.get(this.waveWebClient);
	}

	WebClient waveWebClient() {
		return this.waveWebClient;
	}

	RestClient waveRestClient() {
		return this.context.getBean(WaveAutoConfiguration.WAVE_REST_CLIENT_BEAN_NAME, RestClient.class);
	}

	WaveAccessTokenProvider tokens() {
		return this.context.getBean(WaveAccessTokenProvider.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
