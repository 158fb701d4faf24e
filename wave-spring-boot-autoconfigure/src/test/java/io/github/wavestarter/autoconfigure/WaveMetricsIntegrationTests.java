package io.github.wavestarter.autoconfigure;

import java.time.Duration;
import java.util.Collection;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.journal.RecordedApiRequest;
import io.github.wavestarter.testsupport.WaveContexts;
import io.github.wavestarter.token.WaveTokenException;
import io.github.wavestarter.token.WaveTokenManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The starter's observations, recorded as Micrometer meters by Boot's metrics
 * auto-configuration, against a loopback token endpoint and API.
 */
class WaveMetricsIntegrationTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	@Test
	void waveRestClientRecordsTheSameReplayAndHttpObservations() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server).run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				RestClient client = context.getBean(WaveAutoConfiguration.WAVE_REST_CLIENT_BEAN_NAME, RestClient.class);
				assertThat(client.get().uri("/iam/v1/whoami").retrieve().body(String.class))
					.contains(server.clientId());
				server.tokens().revokeAll();
				assertThat(client.get().uri("/iam/v1/whoami").retrieve().body(String.class))
					.contains(server.clientId());
				assertThat(registry.get("wave.api.replay").tag("outcome", "success").timer().count()).isEqualTo(1);
				assertThat(registry.get("wave.token.acquisition")
					.tags("outcome", "success", "error.code", "none")
					.timer()
					.count()).isEqualTo(2);
				// Boot's RestClient observation sees each logical call once, the
				// replay inside the interceptor chain included
				assertThat(registry.get("http.client.requests")
					.tags("method", "GET", "status", "200", "uri", "/m/blue/iam/v1/whoami")
					.timer()
					.count()).isEqualTo(2);
				assertThat(server.journal().apiRequests()).extracting(RecordedApiRequest::validToken)
					.containsExactly(true, false, true);
			});
		}
	}

	@Test
	void acquisitionsJoinsRetriesReplaysAndHttpCallsAreRecorded() {
		try (MockWaveServer server = MockWaveServer.start()) {
			server.faults().token().failNext(1).withStatus(503);
			server.tokens().responseDelay(Duration.ofMillis(200));
			WaveContexts.forServer(server).run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				WaveTokenManager manager = context.getBean(WaveTokenManager.class);
				// four concurrent callers: one acquisition (a 503, one retry, then a
				// token), three joins
				assertThat(Flux.range(0, 4).flatMap((i) -> manager.getAccessToken()).collectList().block(BLOCK))
					.hasSize(4);
				assertThat(server.journal().tokenRequestCount()).isEqualTo(2);
				WebClient client = context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class);
				// the API rejects the first token: the call is replayed with a new one
				server.tokens().revokeAll();
				assertThat(client.get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class).block(BLOCK))
					.contains("\"id\":\"" + server.clientId() + "\"");
				assertThat(server.journal().tokenRequestCount()).isEqualTo(3);

				Timer success = registry.get("wave.token.acquisition")
					.tags("grant.type", "client_credentials", "outcome", "success", "error.code", "none")
					.timer();
				assertThat(success.count()).isEqualTo(2);
				assertThat(success.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(400);
				assertThat(sum(registry.get("wave.token.acquisition.joined")
					.tag("grant.type", "client_credentials")
					.counters())).isEqualTo(3);
				assertThat(sum(registry.get("wave.token.acquisition.retry").counters())).isEqualTo(1);
				assertThat(registry.get("wave.api.replay").tag("outcome", "success").timer().count()).isEqualTo(1);
				assertThat(sumTimers(registry.get("http.client.requests").tag("method", "POST").timers()))
					.isEqualTo(server.journal().tokenRequestCount());
				// the replay happens inside the WebClient's filter chain: one logical
				// call, two on the wire
				assertThat(server.journal().apiRequests()).extracting(RecordedApiRequest::validToken)
					.containsExactly(false, true);
				assertThat(registry.get("http.client.requests").tags("method", "GET", "status", "200").timer().count())
					.isEqualTo(1);
				assertThat(registry.get("http.client.requests").tag("status", "503").timer().count()).isEqualTo(1);
			});
		}
	}

	@Test
	void failedAcquisitionIsRecordedWithErrorCode() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.forServer(server)
				.withPropertyValues("wave.client-secret=wrong-Secret-Value")
				.run((context) -> {
					MeterRegistry registry = context.getBean(MeterRegistry.class);
					WaveTokenManager manager = context.getBean(WaveTokenManager.class);
					assertThatThrownBy(() -> manager.getAccessToken().block(BLOCK))
						.isInstanceOf(WaveTokenException.class);
					assertThat(registry.get("wave.token.acquisition")
						.tags("grant.type", "client_credentials", "outcome", "failure", "error.code", "invalid_client")
						.timer()
						.count()).isEqualTo(1);
					assertThat(registry.find("wave.token.acquisition").tag("outcome", "success").timer()).isNull();
					// an OAuth2 refusal is not retried
					assertThat(registry.find("wave.token.acquisition.retry").counters()).isEmpty();
					// on the JDK client the HTTP observation ends after the body is
					// released,
					// which may be just after the caller saw the failure
					await().atMost(Duration.ofSeconds(10))
						.untilAsserted(
								() -> assertThat(registry.find("http.client.requests").tag("status", "401").timers())
									.singleElement()
									.satisfies((timer) -> assertThat(timer.count()).isEqualTo(1)));
				});
		}
	}

	@Test
	void madeUpErrorCodesAreTaggedOther() {
		try (MockWaveServer server = MockWaveServer.start()) {
			server.faults().token().failNext(1).withStatus(400, "{\"error\":\"made_up_" + System.nanoTime() + "\"}");
			server.faults()
				.token()
				.failNext(1)
				.withStatus(400, "{\"error\":\"invalid_grant\\r\\n" + server.clientSecret() + "\"}");
			server.faults().token().failNext(1).withStatus(400, "{\"error\":\"invalid_grant\"}");
			WaveContexts.forServer(server).run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				WaveTokenManager manager = context.getBean(WaveTokenManager.class);
				for (int i = 0; i < 3; i++) {
					assertThatThrownBy(() -> manager.getAccessToken().block(BLOCK))
						.isInstanceOf(WaveTokenException.class);
				}
				assertThat(registry.find("wave.token.acquisition").timers())
					.extracting((timer) -> timer.getId().getTag("error.code"))
					.containsExactlyInAnyOrder("other", "invalid_grant");
				assertThat(registry.get("wave.token.acquisition").tag("error.code", "other").timer().count())
					.isEqualTo(2);
				assertThat(registry.get("wave.token.acquisition").tag("error.code", "invalid_grant").timer().count())
					.isEqualTo(1);
			});
		}
	}

	@Test
	void passwordGrantIsTagged() {
		try (MockWaveServer server = MockWaveServer.builder().user("user@example.com", "User-Passw0rd-Value").start()) {
			WaveContexts.forServer(server)
				.withPropertyValues("wave.grant-type=password", "wave.username=user@example.com",
						"wave.password=User-Passw0rd-Value")
				.run((context) -> {
					context.getBean(WaveTokenManager.class).getAccessToken().block(BLOCK);
					assertThat(context.getBean(MeterRegistry.class)
						.get("wave.token.acquisition")
						.tags("grant.type", "password", "outcome", "success")
						.timer()
						.count()).isEqualTo(1);
					assertThat(server.journal().tokenRequests().get(0).parts()).containsEntry("grant_type", "password")
						.containsEntry("password", "User-Passw0rd-Value");
				});
		}
	}

	private static double sum(Collection<Counter> counters) {
		return counters.stream().mapToDouble(Counter::count).sum();
	}

	private static long sumTimers(Collection<Timer> timers) {
		return timers.stream().mapToLong(Timer::count).sum();
	}

}
