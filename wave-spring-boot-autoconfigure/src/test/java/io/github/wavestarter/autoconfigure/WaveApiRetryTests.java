package io.github.wavestarter.autoconfigure;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import io.github.wavestarter.autoconfigure.blue.WaveBlueApiAutoConfiguration;
import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.blue.GrpcCode;
import io.github.wavestarter.blue.api.CalculateCostsRequest;
import io.github.wavestarter.blue.api.CostApi;
import io.github.wavestarter.blue.api.CostItem;
import io.github.wavestarter.blue.api.ReadCostsRequest;
import io.github.wavestarter.client.WaveApiCalls;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.journal.RecordedApiRequest;
import io.github.wavestarter.testsupport.WaveContexts;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The retries of Blue API calls ({@code wave.api.retry.*}) on both Wave clients, against
 * the emulator's faults over loopback HTTP: which answers and failures are retried, which
 * calls are, how often, and what the caller and the metrics see.
 */
@Timeout(60)
class WaveApiRetryTests {

	private static final Duration BLOCK = Duration.ofSeconds(20);

	private static final String WHOAMI = "/iam/v1/whoami";

	private static final String CALCULATE = "/cost/v1/aws/costs:calculate";

	private static ApplicationContextRunner runner(MockWaveServer server) {
		return WaveContexts.forServer(server)
			.withConfiguration(AutoConfigurations.of(WaveBlueApiAutoConfiguration.class))
			.withPropertyValues("wave.api.retry.backoff=10ms");
	}

	/** A call through one of the two clients: {@code web} or {@code rest}. */
	private static String whoAmI(org.springframework.context.ApplicationContext context, String client) {
		if (client.equals("web")) {
			return context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class)
				.get()
				.uri(WHOAMI)
				.retrieve()
				.bodyToMono(String.class)
				.block(BLOCK);
		}
		return context.getBean(WaveAutoConfiguration.WAVE_REST_CLIENT_BEAN_NAME, RestClient.class)
			.get()
			.uri(WHOAMI)
			.retrieve()
			.body(String.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "web", "rest" })
	void aSafeCallIsRetriedAfter503sUntilItIsAnswered(String client) {
		try (MockWaveServer server = MockWaveServer.start()) {
			server.faults().api(WHOAMI).failNext(2).withStatus(503);
			runner(server).run((context) -> {
				assertThat(whoAmI(context, client)).contains(server.clientId());
				assertThat(server.journal().apiRequests()).extracting(RecordedApiRequest::path)
					.containsExactly(WHOAMI, WHOAMI, WHOAMI);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("wave.api.retry")
					.tags("status", "503", "outcome", "retried", "wave.client", "default")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.get("wave.api.retry")
					.tags("status", "503", "outcome", "success", "wave.client", "default")
					.timer()
					.count()).isEqualTo(1);
			});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "web", "rest" })
	void retryAfterIsWaitedFor(String client) {
		try (MockWaveServer server = MockWaveServer.start()) {
			server.faults().api(WHOAMI).failNext(1).withStatus(429).withRetryAfter(1);
			runner(server).run((context) -> {
				long start = System.nanoTime();
				assertThat(whoAmI(context, client)).contains(server.clientId());
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
				List<RecordedApiRequest> requests = server.journal().apiRequests();
				assertThat(requests).hasSize(2);
				assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt()))
					.isGreaterThanOrEqualTo(Duration.ofMillis(990));
			});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "web", "rest" })
	void whenTheAttemptsRunOutTheCallerGetsTheLastAnswer(String client) {
		try (MockWaveServer server = MockWaveServer.start()) {
			server.faults().api(WHOAMI).failNext(5).withStatus(503);
			runner(server).run((context) -> {
				assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> whoAmI(context, client))
					.satisfies((ex) -> {
						assertThat(ex.getStatusCode().value()).isEqualTo(503);
						assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.UNAVAILABLE);
					});
				assertThat(server.journal().apiRequestCount()).isEqualTo(3);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("wave.api.retry").tags("status", "503", "outcome", "exhausted").timer().count())
					.isEqualTo(1);
				// the caller may try again: the next call is a call of its own
				assertThat(whoAmI(context, client)).contains(server.clientId());
			});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "web", "rest" })
	void aRetryAfterLongerThanTheLongestBackoffGoesToTheCallerAtOnce(String client) {
		try (MockWaveServer server = MockWaveServer.start()) {
			server.faults().api(WHOAMI).failNext(1).withStatus(429).withRetryAfter(60);
			runner(server).run((context) -> {
				long start = System.nanoTime();
				assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> whoAmI(context, client))
					.satisfies((ex) -> assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.RESOURCE_EXHAUSTED));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
				assertThat(server.journal().apiRequestCount()).isEqualTo(1);
			});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "web", "rest" })
	void aConnectionClosedBeforeAnyAnswerIsRetried(String client) {
		try (MockWaveServer server = MockWaveServer.start()) {
			// two: the JDK HttpClient itself sends a GET again once after a dropped
			// connection, and fails on the second drop; Reactor Netty does not
			server.faults().api(WHOAMI).failNext(2).withDroppedConnection();
			runner(server).run((context) -> {
				assertThat(whoAmI(context, client)).contains(server.clientId());
				assertThat(server.journal().apiRequests()).extracting(RecordedApiRequest::path)
					.containsExactly(WHOAMI, WHOAMI, WHOAMI);
				assertThat(context.getBean(MeterRegistry.class)
					.get("wave.api.retry")
					.tags("status", "io", "outcome", "success")
					.timer()
					.count()).isEqualTo(1);
			});
		}
	}

	@Test
	void otherErrorsAreNotRetried() {
		try (MockWaveServer server = MockWaveServer.start()) {
			server.faults().api(WHOAMI).failNext(1).withStatus(500);
			server.faults().api(WHOAMI).failNext(1).withStatus(404);
			runner(server).run((context) -> {
				assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> whoAmI(context, "web"))
					.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(500));
				assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> whoAmI(context, "rest"))
					.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(404));
				assertThat(server.journal().apiRequestCount()).isEqualTo(2);
				assertThat(context.getBean(MeterRegistry.class).find("wave.api.retry").timers()).isEmpty();
			});
		}
	}

	@Test
	void aReadCustomMethodIsRetriedAndItsStreamIsReadOnce() {
		try (MockWaveServer server = MockWaveServer.builder().costRowsPerRequest(50).start()) {
			runner(server).run((context) -> {
				CostApi costs = context.getBean(CostApi.class);
				ReadCostsRequest request = ReadCostsRequest.of(null, "20261101", "20261110");
				List<CostItem> expected = costs.readCosts("aws", request).collectList().block(BLOCK);
				server.journal().clear();
				server.faults().api("/cost/v1/aws/costs:read").failNext(1).withStatus(502);

				assertThat(costs.readCosts("aws", request).collectList().block(BLOCK)).isEqualTo(expected);
				assertThat(server.journal().apiRequestCount()).isEqualTo(2);
			});
		}
	}

	@Test
	void aStreamIsNotRetriedOnceItsRowsHaveArrived() {
		try (MockWaveServer server = MockWaveServer.builder().costRowsPerRequest(50).start()) {
			server.faults()
				.api("/cost/v1/aws/costs:read")
				.failNext(1)
				.withMidStreamError(10, GrpcCode.UNAVAILABLE.number(), "backend went away");
			runner(server).run((context) -> {
				List<CostItem> rows = new java.util.concurrent.CopyOnWriteArrayList<>();
				assertThatThrownBy(() -> context.getBean(CostApi.class)
					.readCosts("aws", ReadCostsRequest.of(null, "20261101", "20261110"))
					.doOnNext(rows::add)
					.blockLast(BLOCK)).isInstanceOf(BlueApiException.class);
				assertThat(rows).hasSize(10);
				assertThat(server.journal().apiRequestCount()).isEqualTo(1);
			});
		}
	}

	@Test
	void aWriteIsSentOnceUnlessTheCallerOptsIn() {
		try (MockWaveServer server = MockWaveServer.start()) {
			runner(server).run((context) -> {
				CostApi costs = context.getBean(CostApi.class);
				CalculateCostsRequest request = CalculateCostsRequest.of(null, "202610");
				server.faults().api(CALCULATE).failNext(1).withStatus(503);
				assertThatExceptionOfType(BlueApiException.class)
					.isThrownBy(() -> costs.calculateCosts("aws", request).block(BLOCK))
					.satisfies((ex) -> assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.UNAVAILABLE));
				assertThat(server.journal().apiRequestCount()).isEqualTo(1);

				server.faults().api(CALCULATE).failNext(1).withStatus(503);
				assertThat(costs.calculateCosts("aws", request).contextWrite(WaveApiCalls.retryWrites()).block(BLOCK))
					.satisfies((operation) -> assertThat(operation.name()).isNotBlank());
				assertThat(server.journal().apiRequestCount()).isEqualTo(3);
			});
		}
	}

	@Test
	void aRestClientWriteIsRetriedWithTheRequestAttribute() {
		try (MockWaveServer server = MockWaveServer.start()) {
			runner(server).run((context) -> {
				RestClient client = context.getBean(WaveAutoConfiguration.WAVE_REST_CLIENT_BEAN_NAME, RestClient.class);
				String body = "{\"month\":\"202610\"}";
				server.faults().api(CALCULATE).failNext(1).withStatus(503);
				assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> client.post()
					.uri(CALCULATE)
					.contentType(MediaType.APPLICATION_JSON)
					.body(body)
					.retrieve()
					.body(String.class));
				assertThat(server.journal().apiRequestCount()).isEqualTo(1);

				server.faults().api(CALCULATE).failNext(1).withStatus(503);
				assertThat(client.post()
					.uri(CALCULATE)
					.attribute(WaveApiCalls.RETRY_WRITES, true)
					.contentType(MediaType.APPLICATION_JSON)
					.body(body)
					.retrieve()
					.body(String.class)).contains("\"name\"");
				assertThat(server.journal().apiRequestCount()).isEqualTo(3);
			});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "web", "rest" })
	void oneAttemptTurnsRetriesOff(String client) {
		try (MockWaveServer server = MockWaveServer.start()) {
			server.faults().api(WHOAMI).failNext(1).withStatus(503);
			runner(server).withPropertyValues("wave.api.retry.max-attempts=1").run((context) -> {
				assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> whoAmI(context, client));
				assertThat(server.journal().apiRequestCount()).isEqualTo(1);
			});
		}
	}

	@Test
	void aRefusedConnectionIsRetriedThenGoesToTheCaller() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		try (MockWaveServer server = MockWaveServer.start()) {
			runner(server).withPropertyValues("wave.base-url=http://127.0.0.1:" + closedPort + "/m/blue")
				.run((context) -> {
					assertThatExceptionOfType(ResourceAccessException.class).isThrownBy(() -> whoAmI(context, "rest"));
					assertThatExceptionOfType(WebClientRequestException.class).isThrownBy(() -> whoAmI(context, "web"));
					assertThat(context.getBean(MeterRegistry.class)
						.get("wave.api.retry")
						.tags("status", "io", "outcome", "exhausted")
						.timer()
						.count()).isEqualTo(2);
					assertThat(context.getBean(MeterRegistry.class)
						.get("wave.api.retry")
						.tags("status", "io", "outcome", "retried")
						.timer()
						.count()).isEqualTo(2);
				});
		}
	}

}
