package io.github.wavestarter.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Streams a million cost rows. The server runs in this JVM; if it buffered the stream (or
 * ignored backpressure) the heap measured mid-stream would grow by hundreds of MB (the
 * rows are ~600 bytes each, written as heap buffers), so comparing it with a 10k-row run
 * proves constant memory. Each run samples the heap at three points and keeps the lowest:
 * a leak raises every later sample, while a passing spike (buffers in flight on a loaded
 * machine) raises one.
 */
class LargeCostStreamTests {

	private static final String REQUEST = "{\"startTime\":\"20240501\",\"endTime\":\"20240531\"}";

	@Test
	void streamsOneMillionRowsWithConstantServerMemory() throws Exception {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveHttp http = new WaveHttp(server);
			String token = http.accessToken();

			server.setCostRowsPerRequest(10_000);
			StreamStats small = readStream(http, token, 2_500, 5_000, 7_500);
			server.setCostRowsPerRequest(1_000_000);
			StreamStats large = readStream(http, token, 200_000, 500_000, 800_000);

			assertThat(small.lines).isEqualTo(10_000);
			assertThat(large.lines).isEqualTo(1_000_000);
			assertThat(large.bytes).isGreaterThan(300_000_000L);
			long growth = large.usedHeapMidStream - small.usedHeapMidStream;
			System.out.printf("1M rows, %d MB: heap mid-stream %d KB vs %d KB for 10k rows%n", large.bytes >> 20,
					large.usedHeapMidStream >> 10, small.usedHeapMidStream >> 10);
			assertThat(growth).as("heap growth mid-stream, 1M rows vs 10k rows: %d KB", growth / 1024)
				.isLessThan(8L * 1024 * 1024);
		}
	}

	private record StreamStats(long lines, long bytes, long usedHeapMidStream) {
	}

	/**
	 * Reads the stream line by line, measuring the used heap after GC at each of the
	 * given line counts, and keeping the lowest measurement.
	 */
	private static StreamStats readStream(WaveHttp http, String token, long... measureAt) throws Exception {
		HttpRequest request = http.api("/cost/v1/aws/costs:read", token)
			.POST(HttpRequest.BodyPublishers.ofString(REQUEST))
			.build();
		HttpResponse<InputStream> response = WaveHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		long lines = 0;
		long bytes = 0;
		long heap = Long.MAX_VALUE;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8),
				64 * 1024)) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (lines == 0 || lines % 250_000 == 0) {
					assertThat(line).startsWith("{\"result\":{\"aws\":{").endsWith("}}}");
				}
				lines++;
				bytes += line.length() + 1;
				for (long point : measureAt) {
					if (lines == point) {
						heap = Math.min(heap, usedHeapAfterGc());
					}
				}
			}
		}
		return new StreamStats(lines, bytes, heap);
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(50);
			best = Math.min(best, memory.getHeapMemoryUsage().getUsed());
		}
		return best;
	}

}
