package io.github.wavestarter.bench.stream;

import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.github.wavestarter.blue.BlueApiClients;
import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.blue.api.AwsOptions;
import io.github.wavestarter.blue.api.CostApi;
import io.github.wavestarter.blue.api.CostItem;
import io.github.wavestarter.blue.api.ReadCostsRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Streams N (default 1,000,000) NDJSON cost rows from a loopback Reactor Netty server,
 * generated lazily, through
 * <ol>
 * <li>the typed path: {@code CostApi.readCosts(...)} ({@code @HttpExchange} proxy over a
 * WebClient, {@code BlueStreams} decoding into the {@code CostItem} record), and</li>
 * <li>a baseline: JDK {@code HttpClient} InputStream + one Jackson {@code JsonParser}
 * over the whole body, binding each {@code result} to the same record.</li>
 * </ol>
 * Both read the same bytes in R alternating rounds (default 7: typed first in odd rounds,
 * baseline first in even ones), after two warm-up rounds. Prints rows/s, each round's
 * typed/baseline ratio, their median and spread, and the peak heap use of each phase. Run
 * with {@code -Xmx64m} (see {@code benchmarks/pom.xml}, profile {@code stream-bench});
 * arguments: rows, rounds.
 */
public final class StreamBenchmark {

	private static final int ROWS_PER_BUFFER = 64;

	private static final String TYPED = "typed Flux<CostItem> (CostApi + BlueStreams)";

	private static final String BASELINE = "baseline Jackson JsonParser (JDK HttpClient)";

	/**
	 * Whether the typed path runs on the JDK {@code HttpClient}
	 * ({@code -Dbench.stream.connector=jdk}, what the Wave clients use without Reactor
	 * Netty) instead of Reactor Netty.
	 */
	private static final boolean JDK_CONNECTOR = "jdk".equals(System.getProperty("bench.stream.connector"));

	private StreamBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 7;
		int warmup = Math.min(rows, 150_000);
		DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			int n = Integer.parseInt(request.requestHeaders().get("X-Rows", String.valueOf(rows)));
			return response.header("Content-Type", "application/json").send(rowsBody(response.alloc(), n));
		}).bindNow();
		try {
			String base = "http://127.0.0.1:" + server.port();
			JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
			System.out.printf(Locale.ROOT,
					"Stream benchmark: %,d rows, typed path on %s, max heap %d MB, %d CPUs, Java %s%n", rows,
					JDK_CONNECTOR ? "the JDK HttpClient" : "Reactor Netty",
					Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors(),
					System.getProperty("java.version"));
			System.out.println("warm-up ...");
			for (int i = 0; i < 2; i++) {
				typed(base, mapper, warmup);
				baseline(base, mapper, warmup);
			}
			List<Result> typedResults = new ArrayList<>();
			List<Result> baselineResults = new ArrayList<>();
			List<Double> ratios = new ArrayList<>();
			for (int round = 1; round <= rounds; round++) {
				// alternate the order, so neither side always runs on a warmer or cooler
				// machine
				boolean typedFirst = (round % 2) == 1;
				System.out.printf(Locale.ROOT, "round %d of %d (%s first)%n", round, rounds,
						typedFirst ? "typed" : "baseline");
				Result first = typedFirst ? measure(TYPED, () -> typed(base, mapper, rows))
						: measure(BASELINE, () -> baseline(base, mapper, rows));
				Result second = typedFirst ? measure(BASELINE, () -> baseline(base, mapper, rows))
						: measure(TYPED, () -> typed(base, mapper, rows));
				Result typed = typedFirst ? first : second;
				Result baseline = typedFirst ? second : first;
				if (typed.rows() != rows || baseline.rows() != rows) {
					throw new IllegalStateException("row count mismatch: " + typed.rows() + " / " + baseline.rows());
				}
				typedResults.add(typed);
				baselineResults.add(baseline);
				ratios.add(typed.rowsPerSecond() / baseline.rowsPerSecond());
			}
			List<Double> sorted = new ArrayList<>(ratios);
			Collections.sort(sorted);
			double median = median(sorted);
			System.out.printf(Locale.ROOT, "%nper-round ratios typed/baseline:");
			ratios.forEach((ratio) -> System.out.printf(Locale.ROOT, " %.3f", ratio));
			System.out.printf(Locale.ROOT,
					"%nratio typed/baseline: median %.3fx, min %.3fx, max %.3fx, "
							+ "interquartile %.3fx-%.3fx over %d rounds (goal: median >= 0.95x)%n",
					median, sorted.get(0), sorted.get(sorted.size() - 1), quantile(sorted, 0.25),
					quantile(sorted, 0.75), rounds);
			System.out.printf(Locale.ROOT, "rows/s median: typed %,.0f, baseline %,.0f%n",
					median(rowsPerSecond(typedResults)), median(rowsPerSecond(baselineResults)));
			System.out.printf(Locale.ROOT, "peak heap, highest of all rounds: typed %.1f MB, baseline %.1f MB%n",
					maxPeak(typedResults), maxPeak(baselineResults));
			System.out.printf(Locale.ROOT, "heap committed at end: %.1f MB of %d MB max (-Xmx)%n", committedHeapMb(),
					Runtime.getRuntime().maxMemory() / (1024 * 1024));
		}
		finally {
			server.disposeNow();
		}
	}

	/** Lazily generated NDJSON: one ByteBuf per {@value #ROWS_PER_BUFFER} rows. */
	static Flux<ByteBuf> rowsBody(ByteBufAllocator alloc, int rows) {
		return Flux.generate(() -> 0, (next, sink) -> {
			if (next >= rows) {
				sink.complete();
				return next;
			}
			int end = Math.min(rows, next + ROWS_PER_BUFFER);
			StringBuilder sb = new StringBuilder(ROWS_PER_BUFFER * 480);
			for (int i = next; i < end; i++) {
				appendRow(sb, i);
			}
			ByteBuf buf = alloc.buffer(sb.length());
			buf.writeCharSequence(sb, StandardCharsets.UTF_8);
			sink.next(buf);
			return end;
		});
	}

	static void appendRow(StringBuilder sb, int i) {
		int day = 1 + (i % 28);
		sb.append("{\"result\":{\"aws\":{\"account\":\"")
			.append(100000000000L + (i % 50))
			.append("\",\"date\":\"2025-01-")
			.append(day < 10 ? "0" : "")
			.append(day)
			.append("\",\"productCode\":\"AmazonEC2\",\"serviceCode\":\"AmazonEC2\",\"region\":\"us-east-1\",")
			.append("\"usageType\":\"BoxUsage:m5.large\",\"instanceType\":\"m5.large\",\"operation\":\"RunInstances\",")
			.append("\"resourceId\":\"i-0")
			.append(Integer.toHexString(0x1000000 + i))
			.append("\",")
			.append("\"tags\":{\"env\":\"prod\",\"team\":\"t")
			.append(i % 7)
			.append("\"},")
			.append("\"usage\":")
			.append(i % 24)
			.append(".5,\"cost\":")
			.append((i % 1000) / 7.0)
			.append(",\"unblendedCost\":")
			.append((i % 1000) / 8.0)
			.append(",\"baseCurrency\":\"USD\",\"exchangeRate\":1,\"effectiveCost\":")
			.append((i % 977) / 9.0)
			.append(",\"timestamp\":\"1735689600\",\"someFutureField\":{\"x\":[1,2,3]}}}}\n");
	}

	static long typed(String base, JsonMapper mapper, int rows) {
		WebClient.Builder builder = WebClient.builder().baseUrl(base).defaultHeader("X-Rows", String.valueOf(rows));
		if (JDK_CONNECTOR) {
			builder.clientConnector(
					new JdkClientHttpConnector(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()));
		}
		WebClient webClient = builder.build();
		CostApi costApi = BlueApiClients.create(webClient, BlueStreams.create(mapper, DataSize.ofMegabytes(16)))
			.createClient(CostApi.class);
		ReadCostsRequest request = ReadCostsRequest.of("100000000000", "20250101", "20250131")
			.withAwsOptions(AwsOptions.groupBy("account,date,service"));
		long[] count = new long[1];
		double[] sum = new double[1];
		costApi.readCosts("aws", request)
			.doOnNext((item) -> consume(item, count, sum))
			.blockLast(Duration.ofMinutes(5));
		return check(count[0], sum[0]);
	}

	static long baseline(String base, JsonMapper mapper, int rows) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/cost/v1/aws/costs:read"))
			.header("Content-Type", "application/json")
			.header("X-Rows", String.valueOf(rows))
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"accountId\":\"100000000000\",\"startTime\":\"20250101\",\"endTime\":\"20250131\"}"))
			.build();
		HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		ObjectReader reader = mapper.readerFor(CostItem.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		long[] count = new long[1];
		double[] sum = new double[1];
		try (InputStream in = response.body(); JsonParser parser = mapper.createParser(in)) {
			while (parser.nextToken() == JsonToken.START_OBJECT) {
				String name;
				while ((name = parser.nextName()) != null) {
					parser.nextToken();
					if ("result".equals(name)) {
						consume(reader.readValue(parser), count, sum);
					}
					else {
						parser.skipChildren();
					}
				}
			}
		}
		return check(count[0], sum[0]);
	}

	private static void consume(CostItem item, long[] count, double[] sum) {
		count[0]++;
		Double cost = item.aws().cost();
		sum[0] += (cost != null) ? cost : 0;
	}

	private static long check(long count, double sum) {
		if (count > 0 && sum <= 0) {
			throw new IllegalStateException("no costs decoded");
		}
		return count;
	}

	interface Run {

		long run() throws Exception;

	}

	record Result(long rows, double seconds, double peakHeapMb) {

		double rowsPerSecond() {
			return this.rows / this.seconds;
		}

	}

	static Result measure(String name, Run run) throws Exception {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
		long gcBefore = gcCount();
		long start = System.nanoTime();
		long rows = run.run();
		double seconds = (System.nanoTime() - start) / 1e9;
		double peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		Result result = new Result(rows, seconds, peak / (1024 * 1024));
		System.out.printf(Locale.ROOT, "%-46s %,10d rows in %6.2f s = %,10.0f rows/s, peak heap %5.1f MB, GCs %d%n",
				name, rows, seconds, result.rowsPerSecond(), result.peakHeapMb(), gcCount() - gcBefore);
		return result;
	}

	private static List<Double> rowsPerSecond(List<Result> results) {
		List<Double> values = new ArrayList<>();
		results.forEach((result) -> values.add(result.rowsPerSecond()));
		Collections.sort(values);
		return values;
	}

	private static double maxPeak(List<Result> results) {
		return results.stream().mapToDouble(Result::peakHeapMb).max().orElse(0);
	}

	/** The median of sorted values. */
	static double median(List<Double> sorted) {
		return quantile(sorted, 0.5);
	}

	/** A quantile of sorted values, interpolated linearly between ranks. */
	static double quantile(List<Double> sorted, double q) {
		double rank = q * (sorted.size() - 1);
		int lower = (int) Math.floor(rank);
		int upper = (int) Math.ceil(rank);
		return sorted.get(lower) + (rank - lower) * (sorted.get(upper) - sorted.get(lower));
	}

	private static long gcCount() {
		long count = 0;
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			count += Math.max(0, gc.getCollectionCount());
		}
		return count;
	}

	private static double committedHeapMb() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / (1024.0 * 1024);
	}

}
