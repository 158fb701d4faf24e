package io.github.wavestarter.autoconfigure;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Iterator;
import java.util.stream.Stream;

import io.github.wavestarter.autoconfigure.blue.WaveBlueApiAutoConfiguration;
import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.blue.api.CostItem;
import io.github.wavestarter.blue.api.ReadCostsRequest;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A blocking Blue stream of 1,000,000 rows through {@code waveRestClient} in a JVM with a
 * 64 MB heap (Surefire's {@code low-heap} execution), the emulator and the application in
 * it: it completes, and the used heap mid-stream does not grow with the row count.
 */
class WaveRestClientLowHeapTests {

	private static final ReadCostsRequest MAY = ReadCostsRequest.of(null, "20240501", "20240531");

	@Test
	void oneMillionRowsStreamWithFlatMemoryUnderA64MegabyteHeap() {
		assertThat(Runtime.getRuntime().maxMemory()).as("max heap of this JVM").isLessThanOrEqualTo(64L << 20);
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.plainForServer(server)
				.withConfiguration(AutoConfigurations.of(WaveBlueApiAutoConfiguration.class))
				.run((context) -> {
					server.setCostRowsPerRequest(10_000);
					long small = heapWhileReading(context, 10_000, 2_500, 5_000, 7_500);
					server.setCostRowsPerRequest(1_000_000);
					long large = heapWhileReading(context, 1_000_000, 200_000, 500_000, 800_000);
					long growth = large - small;
					assertThat(growth).as("heap growth mid-stream, 1M rows vs 10k rows: %d KB", growth / 1024)
						.isLessThan(8L * 1024 * 1024);
				});
		}
	}

	/** Reads all rows, measuring the used heap after GC at the given rows: the lowest. */
	private static long heapWhileReading(AssertableApplicationContext context, long expected, long... measureAt) {
		BlueStreams streams = context.getBean(BlueStreams.class);
		RestClient client = context.getBean(WaveAutoConfiguration.WAVE_REST_CLIENT_BEAN_NAME, RestClient.class);
		long heap = Long.MAX_VALUE;
		long count = 0;
		try (Stream<CostItem> rows = client.post()
			.uri("/cost/v1/{vendor}/costs:read", "aws")
			.body(MAY)
			.exchange((request, response) -> streams.stream(response, CostItem.class), false)) {
			Iterator<CostItem> iterator = rows.iterator();
			while (iterator.hasNext()) {
				CostItem row = iterator.next();
				count++;
				if (count == 1) {
					assertThat(row.aws()).isNotNull();
				}
				for (long point : measureAt) {
					if (count == point) {
						heap = Math.min(heap, usedHeapAfterGc());
					}
				}
			}
		}
		assertThat(count).isEqualTo(expected);
		return heap;
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			best = Math.min(best, memory.getHeapMemoryUsage().getUsed());
		}
		return best;
	}

}
