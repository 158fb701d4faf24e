package io.github.wavestarter.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.testsupport.ApiArrivals;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Wave connection pool closes its connections before Reactor Netty's resources are
 * disposed, so closing an application never waits on a connection whose event loop is
 * gone, whatever {@code spring.reactor.netty.shutdown-quiet-period} says.
 */
@ExtendWith(OutputCaptureExtension.class)
class WaveConnectionPoolTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	/** The pool is Reactor Netty's, whichever connector the rest of the suite runs on. */
	private static final String REACTOR = "wave.http.connector=reactor";

	@Test
	void waveConnectionsAreClosedBeforeReactorResourcesStop() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.plainForServer(server)
				.withPropertyValues(REACTOR)
				.withUserConfiguration(RecordingResources.class)
				.run((context) -> {
					assertThat(whoami(context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class))
						.block(BLOCK)).contains(MockWaveServer.DEFAULT_CLIENT_ID);
					WaveConnectionPool pool = context.getBean(WaveConnectionPool.class);
					// a kept-alive connection is pooled
					assertThat(pool.connections().isDisposed()).isFalse();
					RecordingResources.Recording recording = context.getBean(RecordingResources.Recording.class);
					recording.pool = pool;
					context.close();
					assertThat(recording.stopped).as("the ReactorResourceFactory was stopped").isTrue();
					assertThat(recording.waveConnectionsClosedFirst)
						.as("Wave's pooled connections were closed before Reactor's loops went down")
						.isTrue();
				});
		}
	}

	@Test
	void closingManyApplicationsWithAZeroQuietPeriodNeverFailsOrHangs(CapturedOutput output) throws Exception {
		try (MockWaveServer server = MockWaveServer.start()) {
			ApplicationContextRunner runner = WaveContexts.plainForServer(server).withPropertyValues(REACTOR);
			List<Long> runMillis = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				long started = System.nanoTime();
				// start, call, close: bounded, so a close that waits forever fails here
				CompletableFuture.runAsync(() -> runner.run((context) -> {
					WebClient wave = context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class);
					// two concurrent calls: two kept-alive connections in the pool at
					// close
					assertThat(whoami(wave).zipWith(whoami(wave)).block(BLOCK)).isNotNull();
				})).get(30, TimeUnit.SECONDS);
				runMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
			}
			assertThat(output.getAll()).doesNotContain("Failed to stop bean")
				.doesNotContain("RejectedExecutionException")
				.doesNotContain("did not close cleanly");
			// a failed stop of a lifecycle phase waits for the phase timeout (10 s or
			// more)
			assertThat(runMillis).allSatisfy((millis) -> assertThat(millis).isLessThan(5000));
		}
	}

	@Test
	void slowCallsAreNotHeldToReactorNettysDefaultOf16Connections() {
		try (MockWaveServer server = MockWaveServer.start()) {
			// every call takes 2 s: with 16 connections, the 17th would reach the API
			// only once the first had its answer
			server.faults().api().failNext(40).withDelay(Duration.ofSeconds(2));
			WaveContexts.plainForServer(server).withPropertyValues(REACTOR).run((context) -> {
				WaveConnectionPool pool = context.getBean(WaveConnectionPool.class);
				assertThat(pool.connections().maxConnections()).isEqualTo(WaveConnectionPool.MAX_CONNECTIONS);
				WebClient wave = context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class);
				assertThat(Flux.range(0, 40).flatMap((i) -> whoami(wave)).count().block(Duration.ofSeconds(30)))
					.isEqualTo(40);
				ApiArrivals arrivals = ApiArrivals.of(server);
				assertThat(arrivals.count()).isEqualTo(40);
				assertThat(arrivals.span()).as("all 40 calls reached the API before the first was answered")
					.isLessThan(Duration.ofSeconds(2));
			});
		}
	}

	private static Mono<String> whoami(WebClient client) {
		return client.get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingResources {

		@Bean
		Recording recording() {
			return new Recording();
		}

		@Bean
		ReactorResourceFactory reactorResourceFactory(Recording recording) {
			ReactorResourceFactory factory = new ReactorResourceFactory() {

				@Override
				public void stop() {
					recording.stopped = true;
					recording.waveConnectionsClosedFirst = recording.pool != null
							&& recording.pool.connections().isDisposed() && !recording.pool.isRunning();
					super.stop();
				}

			};
			factory.setShutdownQuietPeriod(Duration.ZERO);
			return factory;
		}

		static class Recording {

			volatile WaveConnectionPool pool;

			volatile boolean stopped;

			volatile boolean waveConnectionsClosedFirst;

		}

	}

}
