package io.github.wavestarter.bench.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Token-lifecycle and per-call-overhead benchmark of the Wave starter against Spring
 * Security's stock reactive OAuth2 client, in one process and one run, on loopback only.
 * <p>
 * Run: {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests -Ptoken-bench} (see
 * {@code BENCHMARKS.md}). Prints a Markdown report to stdout. Knobs (system properties):
 * {@code bench.rounds}, {@code bench.sequentialCalls}, {@code bench.concurrentCalls},
 * {@code bench.concurrency}, {@code bench.warmupCalls}, {@code bench.tokenDelayMillis}.
 */
public final class TokenBenchmark {

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 11);

	private static final int SEQUENTIAL_CALLS = Integer.getInteger("bench.sequentialCalls", 3_000);

	private static final int CONCURRENT_CALLS = Integer.getInteger("bench.concurrentCalls", 12_000);

	private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 64);

	private static final int WARMUP_CALLS = Integer.getInteger("bench.warmupCalls", 20_000);

	private static final long TOKEN_DELAY_MILLIS = Long.getLong("bench.tokenDelayMillis", 50);

	private static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(90);

	private TokenBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		// 1000 concurrent calls must not hit Reactor Netty's default pool limits (16
		// connections, pending queue 2x): those would fail calls for reasons unrelated to
		// tokens. Must be set before Reactor Netty's ConnectionProvider is loaded.
		System.setProperty("reactor.netty.pool.maxConnections",
				System.getProperty("reactor.netty.pool.maxConnections", "1100"));
		long started = System.nanoTime();
		StringBuilder report = new StringBuilder();
		try (LoopbackServers servers = new LoopbackServers()) {
			servers.tokenDelayMillis(TOKEN_DELAY_MILLIS);
			report.append(machine()).append('\n');
			if (Boolean.getBoolean("bench.connectorsOnly")) {
				servers.expiresInSeconds(3600);
				try (OursClient ours = new OursClient(servers, "wave.http.connector=reactor");
						OursClient jdk = new OursClient(servers, "wave.http.connector=jdk")) {
					report.append(ConnectorComparison.measure(ours, jdk, ROUNDS, SEQUENTIAL_CALLS, CONCURRENT_CALLS,
							CONCURRENCY, WARMUP_CALLS));
				}
			}
			else if (Boolean.getBoolean("bench.blockingOnly")) {
				servers.expiresInSeconds(3600);
				// -Dtoken-bench.connector=jdk: what an application without Reactor Netty
				// gets
				try (OursClient ours = new OursClient(servers,
						"wave.http.connector=" + System.getProperty("bench.connector", "auto"))) {
					report.append(BlockingOverhead.measure(ours, ROUNDS, SEQUENTIAL_CALLS, CONCURRENT_CALLS,
							CONCURRENCY, WARMUP_CALLS));
				}
			}
			else {
				warmUp(servers);
				report.append(tokenScenarios(servers)).append('\n');
				report.append(overhead(servers)).append('\n');
			}
			report.append(String.format(Locale.ROOT,
					"_Loopback token endpoint: %d multipart + %d urlencoded requests, %d rejected; API: %d calls, %d answered 401. Whole run: %.0f s._%n",
					servers.multipartRequests(), servers.urlencodedRequests(), servers.rejectedTokenRequests(),
					servers.apiCalls(), servers.api401(), (System.nanoTime() - started) / 1e9));
		}
		System.out.println();
		System.out.println("<!-- token-benchmark report begin -->");
		System.out.print(report);
		System.out.println("<!-- token-benchmark report end -->");
		System.out.flush();
		System.exit(0);
	}

	private static String machine() {
		Runtime runtime = Runtime.getRuntime();
		return String.format(Locale.ROOT,
				"Machine: %d CPUs (availableProcessors), %s %s (%s), max heap %d MiB, %s %s; Reactor Netty pool maxConnections=%s; token endpoint delay %d ms.%n",
				runtime.availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
				System.getProperty("java.vendor"), runtime.maxMemory() >> 20, System.getProperty("os.name"),
				System.getProperty("os.arch"), System.getProperty("reactor.netty.pool.maxConnections"),
				TOKEN_DELAY_MILLIS);
	}

	/**
	 * Warms up the JVM and the loopback servers, so the first scenario is not penalised.
	 */
	private static void warmUp(LoopbackServers servers) {
		WebClient client = WebClient.builder()
			.baseUrl(servers.baseUrl())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + servers.issueDirectly(3600))
			.build();
		for (int i = 0; i < 10; i++) {
			Flux.range(0, 200).flatMap((n) -> BenchClient.get(client), 200).then().block(SCENARIO_TIMEOUT);
		}
		try (BenchClient sdk = new SdkStyleClient(servers)) {
			Flux.range(0, 200).flatMap((n) -> sdk.call(), 200).then().block(SCENARIO_TIMEOUT);
		}
	}

	// ---------------------------------------------------------------- token scenarios

	private record Outcome(int tokenRequests, int ok, int unauthorized, int failed, long millis, String extra,
			int server401) {

		Outcome(int tokenRequests, int ok, int unauthorized, int failed, long millis, String extra) {
			this(tokenRequests, ok, unauthorized, failed, millis, extra, 0);
		}

		Outcome with401(int server401) {
			return new Outcome(this.tokenRequests, this.ok, this.unauthorized, this.failed, this.millis, this.extra,
					server401);
		}

		String cell() {
			String s = "**" + this.tokenRequests + "** (" + this.ok + " ok";
			if (this.unauthorized > 0) {
				s += ", " + this.unauthorized + "×401";
			}
			if (this.failed > 0) {
				s += ", " + this.failed + " failed";
			}
			s += ", " + this.millis + " ms";
			if (this.server401 > 0) {
				s += "; API sent " + this.server401 + "×401";
			}
			s += ")";
			return (this.extra != null) ? s + " " + this.extra : s;
		}

	}

	private interface Scenario {

		Outcome run(LoopbackServers servers, BenchClient client) throws Exception;

	}

	private static String tokenScenarios(LoopbackServers servers) throws Exception {
		List<Function<LoopbackServers, BenchClient>> clients = List.of(OursClient::new, StockClient::new,
				SdkStyleClient::new);
		String[] names = { "1. 200 concurrent cold first calls (expires_in 3600)",
				"2. 1000 concurrent calls right after expiry (warm token with expires_in 2, wait 2.2 s; renewed token lives 3600 s)",
				"3. expires_in 2, one call every 100 ms for 5 s (50 calls)",
				"4. token revoked (API answers 401 to it), then 1 call; then 1 more call",
				"4b. token revoked, then 200 concurrent calls" };
		String[] limits = { "1", "1", "3", "1", "1" };
		Scenario[] scenarios = { TokenBenchmark::coldBurst, TokenBenchmark::burstAfterExpiry,
				TokenBenchmark::shortLivedSteady, TokenBenchmark::revokedOnce, TokenBenchmark::revokedBurst };
		StringBuilder table = new StringBuilder();
		table.append("#### Token requests per scenario\n\n");
		table.append("Cell: **token requests** (API calls that ended with 200, with 401, with an exception; "
				+ "wall time of the scenario's calls; 401 answers the API sent, including those the client "
				+ "replayed).\n\n");
		table.append("| Scenario | Physical limit | wave starter (`waveWebClient`) | Spring Security stock "
				+ "(`AuthorizedClientService…Manager` + `ServerOAuth2AuthorizedClientExchangeFilterFunction`) "
				+ "| SDK style (new token per call) |\n");
		table.append("|---|---|---|---|---|\n");
		for (int s = 0; s < scenarios.length; s++) {
			table.append("| ").append(names[s]).append(" | ").append(limits[s]);
			for (Function<LoopbackServers, BenchClient> factory : clients) {
				try (BenchClient client = factory.apply(servers)) {
					int before401 = servers.api401(client.clientId());
					Outcome outcome = scenarios[s].run(servers, client)
						.with401(servers.api401(client.clientId()) - before401);
					table.append(" | ").append(outcome.cell());
					System.err.printf(Locale.ROOT, "scenario %s %-13s %s%n", names[s].substring(0, 2),
							client.clientId(), outcome.cell());
				}
			}
			table.append(" |\n");
		}
		return table.toString();
	}

	private static Outcome coldBurst(LoopbackServers servers, BenchClient client) {
		servers.expiresInSeconds(3600);
		return fire(servers, client, 200, null);
	}

	private static Outcome burstAfterExpiry(LoopbackServers servers, BenchClient client) throws InterruptedException {
		servers.expiresInSeconds(2);
		client.call().block(SCENARIO_TIMEOUT);
		Thread.sleep(2200);
		// the renewed token lives long, so that calls of the burst that wait for a
		// connection longer than 2 s do not legitimately need a third token
		servers.expiresInSeconds(3600);
		return fire(servers, client, 1000, null);
	}

	private static Outcome shortLivedSteady(LoopbackServers servers, BenchClient client) {
		servers.expiresInSeconds(2);
		int before = servers.tokenRequests(client.clientId());
		Counts counts = new Counts();
		long start = System.nanoTime();
		Flux.interval(Duration.ZERO, Duration.ofMillis(100))
			.take(50)
			.flatMap((i) -> client.call())
			.doOnNext(counts::add)
			.then()
			.block(SCENARIO_TIMEOUT);
		return counts.outcome(servers.tokenRequests(client.clientId()) - before, start, null);
	}

	private static Outcome revokedOnce(LoopbackServers servers, BenchClient client) {
		servers.expiresInSeconds(3600);
		client.call().block(SCENARIO_TIMEOUT);
		int before = servers.tokenRequests(client.clientId());
		servers.revokeLastIssued();
		Counts counts = new Counts();
		long start = System.nanoTime();
		Integer first = client.call().block(SCENARIO_TIMEOUT);
		counts.add(first);
		Outcome outcome = counts.outcome(servers.tokenRequests(client.clientId()) - before, start, null);
		Integer next = client.call().block(SCENARIO_TIMEOUT);
		return new Outcome(outcome.tokenRequests(), outcome.ok(), outcome.unauthorized(), outcome.failed(),
				outcome.millis(), "→ first call " + status(first) + ", next call " + status(next) + " ("
						+ (servers.tokenRequests(client.clientId()) - before) + " token req. in all)");
	}

	private static Outcome revokedBurst(LoopbackServers servers, BenchClient client) {
		servers.expiresInSeconds(3600);
		client.call().block(SCENARIO_TIMEOUT);
		servers.revokeLastIssued();
		return fire(servers, client, 200, null);
	}

	private static String status(Integer status) {
		return (status == null || status < 0) ? "failed" : String.valueOf(status);
	}

	private static Outcome fire(LoopbackServers servers, BenchClient client, int calls, String extra) {
		int before = servers.tokenRequests(client.clientId());
		Counts counts = new Counts();
		long start = System.nanoTime();
		Flux.range(0, calls).flatMap((i) -> client.call(), calls).doOnNext(counts::add).then().block(SCENARIO_TIMEOUT);
		return counts.outcome(servers.tokenRequests(client.clientId()) - before, start, extra);
	}

	private static final class Counts {

		final AtomicInteger ok = new AtomicInteger();

		final AtomicInteger unauthorized = new AtomicInteger();

		final AtomicInteger failed = new AtomicInteger();

		void add(Integer status) {
			if (status != null && status == 200) {
				this.ok.incrementAndGet();
			}
			else if (status != null && status == 401) {
				this.unauthorized.incrementAndGet();
			}
			else {
				this.failed.incrementAndGet();
			}
		}

		Outcome outcome(int tokenRequests, long startNanos, String extra) {
			return new Outcome(tokenRequests, this.ok.get(), this.unauthorized.get(), this.failed.get(),
					(System.nanoTime() - startNanos) / 1_000_000, extra);
		}

	}

	// ---------------------------------------------------------------- per-call overhead

	record Run(double throughput, long p50, long p99, int bad) {

	}

	private static String overhead(LoopbackServers servers) throws Exception {
		servers.expiresInSeconds(3600);
		try (OursClient ours = new OursClient(servers); StockClient stock = new StockClient(servers)) {
			String token = ours.tokens().getTokenValue(Duration.ofSeconds(30));
			// the baseline is waveWebClient itself without its filters (same connector
			// and
			// connection pool, same codecs), with a static header instead
			WebClient plain = ours.waveWebClient()
				.mutate()
				.filters(List::clear)
				.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.build();
			WebClient wave = ours.waveWebClient();
			String[] names = { "static bearer", "waveWebClient", "stock filter" };
			Function<Integer, Mono<Integer>> plainCall = (i) -> BenchClient.get(plain);
			Function<Integer, Mono<Integer>> waveCall = (i) -> BenchClient.get(wave);
			Function<Integer, Mono<Integer>> stockCall = (i) -> stock.call();
			List<Function<Integer, Mono<Integer>>> calls = List.of(plainCall, waveCall, stockCall);
			// warm-up (JIT, pools, connections)
			for (int w = 0; w < 2; w++) {
				for (Function<Integer, Mono<Integer>> call : calls) {
					measure(call, WARMUP_CALLS / 4, 1);
					measure(call, WARMUP_CALLS / 4, CONCURRENCY);
				}
			}
			int[] modes = { 1, CONCURRENCY };
			int[] sizes = { SEQUENTIAL_CALLS, CONCURRENT_CALLS };
			// results[mode][client][round]
			Run[][][] results = new Run[modes.length][calls.size()][ROUNDS];
			for (int r = 0; r < ROUNDS; r++) {
				for (int m = 0; m < modes.length; m++) {
					for (int k = 0; k < calls.size(); k++) {
						int c = (r % 2 == 0) ? k : calls.size() - 1 - k; // A,B,C then
																			// C,B,A
						settle();
						results[m][c][r] = measure(calls.get(c), sizes[m], modes[m]);
					}
				}
				System.err.printf(Locale.ROOT, "overhead round %d/%d done%n", r + 1, ROUNDS);
			}
			StringBuilder out = new StringBuilder();
			out.append("#### Per-call overhead (median of ").append(ROUNDS).append(" alternating rounds)\n\n");
			out.append("Same loopback API, same token; the static-bearer baseline is `waveWebClient` without its "
					+ "filters (same connector and connection pool, same codecs), the stock filter runs on Boot's "
					+ "`WebClient.Builder`; GET + read a small JSON body.\n\n");
			out.append("| Mode | Client | Throughput (calls/s) | p50 (µs) | p99 (µs) | Throughput ratio vs static | "
					+ "p50 ratio | p99 ratio | non-200 |\n");
			out.append("|---|---|---|---|---|---|---|---|---|\n");
			List<String> verdicts = new ArrayList<>();
			for (int m = 0; m < modes.length; m++) {
				String mode = (modes[m] == 1) ? "sequential, " + sizes[m] + " calls"
						: modes[m] + " in flight, " + sizes[m] + " calls";
				for (int c = 0; c < calls.size(); c++) {
					Run[] runs = results[m][c];
					Run[] base = results[m][0];
					double tput = median(runs, (run) -> run.throughput());
					double p50 = median(runs, (run) -> run.p50() / 1000.0);
					double p99 = median(runs, (run) -> run.p99() / 1000.0);
					int bad = Arrays.stream(runs).mapToInt(Run::bad).sum();
					String ratios = "—";
					String p50r = "—";
					String p99r = "—";
					if (c > 0) {
						double tr = medianRatio(runs, base, Run::throughput);
						double pr = medianRatio(runs, base, (run) -> (double) run.p50());
						double qr = medianRatio(runs, base, (run) -> (double) run.p99());
						ratios = String.format(Locale.ROOT, "%.3f ×", tr) + rounds(runs, base, Run::throughput);
						p50r = String.format(Locale.ROOT, "%.3f ×", pr)
								+ rounds(runs, base, (run) -> (double) run.p50());
						p99r = String.format(Locale.ROOT, "%.3f ×", qr);
						if (c == 1 || c == 3) {
							verdicts.add(String.format(Locale.ROOT,
									"- %s, %s: throughput %.3f× (goal ≥ 0.95: %s), p50 %.3f× (goal ≤ 1.05: %s)",
									names[c], mode, tr, (tr >= 0.95) ? "met" : "MISSED", pr,
									(pr <= 1.05) ? "met" : "MISSED"));
						}
					}
					out.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %s | %s | %s | %d |%n",
							mode, names[c], tput, p50, p99, ratios, p50r, p99r, bad));
				}
			}
			out.append('\n').append("Goal check (vs static bearer):\n");
			verdicts.forEach((v) -> out.append(v).append('\n'));
			out.append('\n').append(FilterCost.measure(servers, ours, stock));
			out.append('\n')
				.append(BlockingOverhead.measure(ours, ROUNDS, SEQUENTIAL_CALLS, CONCURRENT_CALLS, CONCURRENCY,
						WARMUP_CALLS));
			return out.toString();
		}
	}

	/**
	 * Collects the previous client's garbage so it does not land on the next one's
	 * measurement.
	 */
	private static void settle() {
		System.gc();
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String rounds(Run[] runs, Run[] base, java.util.function.ToDoubleFunction<Run> metric) {
		StringBuilder s = new StringBuilder(" <sub>(");
		for (int r = 0; r < runs.length; r++) {
			s.append((r > 0) ? " " : "")
				.append(String.format(Locale.ROOT, "%.2f",
						metric.applyAsDouble(runs[r]) / metric.applyAsDouble(base[r])));
		}
		return s.append(")</sub>").toString();
	}

	static double median(Run[] runs, java.util.function.ToDoubleFunction<Run> metric) {
		double[] values = Arrays.stream(runs).mapToDouble(metric).sorted().toArray();
		return values[values.length / 2];
	}

	static double medianRatio(Run[] runs, Run[] base, java.util.function.ToDoubleFunction<Run> metric) {
		double[] values = new double[runs.length];
		for (int r = 0; r < runs.length; r++) {
			values[r] = metric.applyAsDouble(runs[r]) / metric.applyAsDouble(base[r]);
		}
		Arrays.sort(values);
		return values[values.length / 2];
	}

	static Run measure(Function<Integer, Mono<Integer>> call, int calls, int concurrency) {
		long[] latencies = new long[calls];
		AtomicInteger bad = new AtomicInteger();
		long start = System.nanoTime();
		Flux.range(0, calls).flatMap((i) -> Mono.defer(() -> {
			long t0 = System.nanoTime();
			return call.apply(i).doOnNext((status) -> {
				latencies[i] = System.nanoTime() - t0;
				if (status != 200) {
					bad.incrementAndGet();
				}
			});
		}), concurrency).then().block(Duration.ofMinutes(5));
		long elapsed = System.nanoTime() - start;
		Arrays.sort(latencies);
		return new Run(calls * 1e9 / elapsed, latencies[calls / 2],
				latencies[Math.min(calls - 1, (int) (calls * 0.99))], bad.get());
	}

}
