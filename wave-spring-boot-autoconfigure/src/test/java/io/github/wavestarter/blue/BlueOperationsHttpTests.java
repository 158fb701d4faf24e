package io.github.wavestarter.blue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.wavestarter.autoconfigure.blue.WaveBlueApiAutoConfiguration;
import io.github.wavestarter.blue.api.CalculateCostsRequest;
import io.github.wavestarter.blue.api.CostApi;
import io.github.wavestarter.blue.api.ExportReportRequest;
import io.github.wavestarter.blue.api.Operation;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The auto-configured {@link BlueOperations} waits for the operations the emulator's
 * {@code costs:calculate} and {@code reports:export} start, polling {@code GET
 * /m/blue/ops/v1/{name}} over HTTP (short backoff, real time, every wait bounded).
 */
class BlueOperationsHttpTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-15T10:00:00Z"), ZoneOffset.UTC);

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private static ApplicationContextRunner runner(MockWaveServer server) {
		return WaveContexts.plainForServer(server)
			.withConfiguration(AutoConfigurations.of(WaveBlueApiAutoConfiguration.class));
	}

	private static BlueOperations fast(BlueOperations operations) {
		return operations.withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
	}

	@Test
	void awaitAnswersTheResponseOfTheDoneCalculation() {
		try (MockWaveServer server = MockWaveServer.builder().clock(CLOCK).operationPolls(3).start()) {
			runner(server).run((context) -> {
				Operation started = context.getBean(CostApi.class)
					.calculateCosts("aws", CalculateCostsRequest.of(null, "202610"))
					.block(BLOCK);

				JsonNode response = fast(context.getBean(BlueOperations.class)).awaitBlocking(started, BLOCK);

				assertThat(response.path("value").path("month").asString()).isEqualTo("202610");
				assertThat(server.journal().apiRequests()).extracting((request) -> request.path())
					.containsExactly("/cost/v1/aws/costs:calculate", "/ops/v1/" + started.name(),
							"/ops/v1/" + started.name(), "/ops/v1/" + started.name());
			});
		}
	}

	@Test
	void theReactiveAwaitOfAReportExport() {
		try (MockWaveServer server = MockWaveServer.builder().clock(CLOCK).start()) {
			runner(server).run((context) -> {
				BlueOperations operations = fast(context.getBean(BlueOperations.class));

				JsonNode response = context.getBean(CostApi.class)
					.exportReport(ExportReportRequest.aws("2026-10", java.util.List.of("ri-utilization")))
					.flatMap((started) -> operations.await(started, BLOCK))
					.block(BLOCK);

				assertThat(response.path("value").path("reports").get(0).asString()).isEqualTo("ri-utilization");
			});
		}
	}

	@Test
	void aFailedOperationIsABlueApiExceptionWithItsCode() {
		try (MockWaveServer server = MockWaveServer.builder().clock(CLOCK).start()) {
			runner(server).run((context) -> {
				Operation started = context.getBean(CostApi.class)
					.calculateCosts("aws", CalculateCostsRequest.of(null, "202611"))
					.block(BLOCK);

				BlueApiException ex = catchThrowableOfType(BlueApiException.class,
						() -> fast(context.getBean(BlueOperations.class)).awaitBlocking(started, BLOCK));

				assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.FAILED_PRECONDITION);
				assertThat(ex.getApiMessage()).contains("202611");
				assertThat(ex.getMessage()).contains(started.name());
			});
		}
	}

	@Test
	void anOperationNotDoneInTimeIsATimeoutNamingIt() {
		try (MockWaveServer server = MockWaveServer.builder().clock(CLOCK).operationPolls(1_000_000).start()) {
			runner(server).run((context) -> {
				Operation started = context.getBean(CostApi.class)
					.calculateCosts("aws", CalculateCostsRequest.of(null, "202610"))
					.block(BLOCK);

				BlueOperationTimeoutException ex = catchThrowableOfType(BlueOperationTimeoutException.class,
						() -> fast(context.getBean(BlueOperations.class)).awaitBlocking(started,
								Duration.ofMillis(300)));

				assertThat(ex.getOperationName()).isEqualTo(started.name());
				assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(300));
				assertThat(ex).hasMessageContaining(started.name()).hasMessageContaining("PT0.3S");
				assertThat(ex.getPolls()).isPositive();
			});
		}
	}

}
