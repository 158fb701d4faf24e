package io.github.wavestarter.autoconfigure;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.github.wavestarter.autoconfigure.blue.WaveBlueApiAutoConfiguration;
import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.blue.BlueStreamLimitException;
import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.blue.GrpcCode;
import io.github.wavestarter.blue.api.CostItem;
import io.github.wavestarter.blue.api.ReadCostsRequest;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.junit.MockWaveServerTest;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Blue server streams read through {@code waveRestClient} as a lazy, closeable
 * {@link Stream}, on the decoder of the reactive path, against the emulator.
 */
@MockWaveServerTest
class WaveRestClientStreamTests {

	private static final ReadCostsRequest MAY = ReadCostsRequest.of(null, "20240501", "20240531");

	private final MockWaveServer server;

	private final ApplicationContextRunner runner;

	WaveRestClientStreamTests(MockWaveServer server) {
		this.server = server;
		this.runner = WaveContexts.plainForServer(server)
			.withConfiguration(AutoConfigurations.of(WaveBlueApiAutoConfiguration.class));
	}

	@Test
	void rowsArriveAsTheStreamIsConsumed() {
		this.server.setCostRowsPerRequest(500);
		this.runner.run((context) -> {
			try (Stream<CostItem> rows = costs(context)) {
				Iterator<CostItem> iterator = rows.iterator();
				assertThat(iterator.next().aws()).isNotNull();
				int rest = 0;
				while (iterator.hasNext()) {
					assertThat(iterator.next().aws()).isNotNull();
					rest++;
				}
				assertThat(rest).isEqualTo(499);
			}
		});
	}

	@Test
	void closingTheStreamClosesTheAnswer() {
		this.server.setCostRowsPerRequest(100_000);
		this.runner.run((context) -> {
			AtomicBoolean closed = new AtomicBoolean();
			try (Stream<CostItem> rows = costs(context).onClose(() -> closed.set(true))) {
				assertThat(rows.limit(10).count()).isEqualTo(10);
			}
			assertThat(closed).isTrue();
			assertThat(rest(context).get().uri("/iam/v1/whoami").retrieve().body(String.class))
				.contains(MockWaveServer.DEFAULT_CLIENT_ID);
		});
	}

	@Test
	void anErrorLineEndsTheStreamAfterTheRowsBeforeIt() {
		this.server.setCostRowsPerRequest(50);
		this.runner.run((context) -> {
			this.server.faults().api().failNext(1).withMidStreamError(20, 13, "backend failed");
			List<CostItem> seen = new ArrayList<>();
			try (Stream<CostItem> rows = costs(context)) {
				assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> rows.forEach(seen::add))
					.satisfies((ex) -> {
						assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.INTERNAL);
						assertThat(ex.getApiMessage()).isEqualTo("backend failed");
					});
			}
			assertThat(seen).hasSize(20);
		});
	}

	@Test
	void anErrorAnswerFailsBeforeAnyRow() {
		this.runner.run((context) -> {
			// a read: retried (wave.api.retry.max-attempts=3), and then the last answer
			this.server.faults().api().failNext(3).withStatus(503);
			assertThatExceptionOfType(BlueApiException.class).isThrownBy(() -> costs(context).close())
				.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(503));
			assertThat(this.server.journal().apiRequestCount()).isEqualTo(3);
		});
	}

	@Test
	void aLineLongerThanTheLimitFailsWithBlueStreamLimitException() {
		this.runner.withPropertyValues("wave.stream.max-line-size=64B").run((context) -> {
			try (Stream<CostItem> rows = costs(context)) {
				assertThatExceptionOfType(BlueStreamLimitException.class).isThrownBy(rows::count);
			}
		});
	}

	private static Stream<CostItem> costs(AssertableApplicationContext context) {
		BlueStreams streams = context.getBean(BlueStreams.class);
		return rest(context).post()
			.uri("/cost/v1/{vendor}/costs:read", "aws")
			.body(MAY)
			.exchange((request, response) -> streams.stream(response, CostItem.class), false);
	}

	private static RestClient rest(AssertableApplicationContext context) {
		return context.getBean(WaveAutoConfiguration.WAVE_REST_CLIENT_BEAN_NAME, RestClient.class);
	}

}
