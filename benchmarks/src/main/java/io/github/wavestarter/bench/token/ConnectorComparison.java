package io.github.wavestarter.bench.token;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.IntSupplier;

import io.github.wavestarter.bench.token.TokenBenchmark.Run;
import reactor.core.publisher.Mono;

import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * For issue 13's decision: the Wave clients as the starter builds them on Reactor Netty
 * ({@code wave.http.connector=reactor}) against the same clients on the JDK
 * {@code HttpClient} ({@code wave.http.connector=jdk}, what an application without
 * Reactor Netty gets), filters and interceptors included, same loopback API, sequential
 * and 64 in flight, alternating rounds, medians. Ratios are JDK ÷ Reactor.
 */
final class ConnectorComparison {

	private ConnectorComparison() {
	}

	static String measure(OursClient ours, OursClient jdkOurs, int rounds, int sequentialCalls, int concurrentCalls,
			int concurrency, int warmupCalls) throws Exception {
		WebClient reactorWeb = ours.waveWebClient();
		WebClient jdkWeb = jdkOurs.waveWebClient();
		RestClient reactorRest = ours.waveRestClient();
		RestClient jdkRest = jdkOurs.waveRestClient();
		List<Function<Integer, Mono<Integer>>> web = List.of((i) -> BenchClient.get(reactorWeb),
				(i) -> BenchClient.get(jdkWeb));
		List<IntSupplier> rest = List.of(() -> BlockingOverhead.get(reactorRest), () -> BlockingOverhead.get(jdkRest));
		ExecutorService threads = BlockingOverhead.virtualThreads();
		String kind = (threads != null) ? "virtual threads" : "platform threads";
		if (threads == null) {
			threads = Executors.newFixedThreadPool(concurrency);
		}
		try {
			for (int k = 0; k < 2; k++) {
				TokenBenchmark.measure(web.get(k), warmupCalls / 4, concurrency);
				BlockingOverhead.run(rest.get(k), warmupCalls / 4, concurrency, threads);
			}
			int[] modes = { 1, concurrency };
			int[] sizes = { sequentialCalls, concurrentCalls };
			// [client kind][mode][connector][round]
			Run[][][][] results = new Run[2][modes.length][2][rounds];
			for (int r = 0; r < rounds; r++) {
				for (int m = 0; m < modes.length; m++) {
					for (int k = 0; k < 2; k++) {
						int c = (r % 2 == 0) ? k : 1 - k;
						System.gc();
						results[0][m][c][r] = TokenBenchmark.measure(web.get(c), sizes[m], modes[m]);
						System.gc();
						results[1][m][c][r] = BlockingOverhead.run(rest.get(c), sizes[m], modes[m], threads);
					}
				}
				System.err.printf(Locale.ROOT, "connector round %d/%d done%n", r + 1, rounds);
			}
			StringBuilder out = new StringBuilder();
			out.append(String.format(Locale.ROOT,
					"#### Reactor Netty vs the JDK HttpClient under the Wave clients (median of %d alternating "
							+ "rounds, %s for the blocking calls, Java %d)%n%n",
					rounds, kind, Runtime.version().feature()));
			out.append("| Client | Mode | Reactor (calls/s) | JDK (calls/s) | Throughput JDK ÷ Reactor | "
					+ "p50 Reactor (µs) | p50 JDK (µs) | p50 JDK ÷ Reactor | non-200 |\n"
					+ "|---|---|---|---|---|---|---|---|---|\n");
			String[] clients = { "waveWebClient", "waveRestClient" };
			for (int t = 0; t < 2; t++) {
				for (int m = 0; m < modes.length; m++) {
					Run[] reactor = results[t][m][0];
					Run[] jdkRuns = results[t][m][1];
					String mode = (modes[m] == 1) ? "sequential, " + sizes[m] + " calls"
							: modes[m] + " in flight, " + sizes[m] + " calls";
					int bad = 0;
					for (int r = 0; r < rounds; r++) {
						bad += reactor[r].bad() + jdkRuns[r].bad();
					}
					out.append(String.format(Locale.ROOT,
							"| %s | %s | %.0f | %.0f | %.3f × | %.0f | %.0f | %.3f × | %d |%n", clients[t], mode,
							TokenBenchmark.median(reactor, Run::throughput),
							TokenBenchmark.median(jdkRuns, Run::throughput),
							TokenBenchmark.medianRatio(jdkRuns, reactor, Run::throughput),
							TokenBenchmark.median(reactor, (run) -> run.p50() / 1000.0),
							TokenBenchmark.median(jdkRuns, (run) -> run.p50() / 1000.0),
							TokenBenchmark.medianRatio(jdkRuns, reactor, (run) -> (double) run.p50()), bad));
				}
			}
			return out.toString();
		}
		finally {
			threads.shutdownNow();
		}
	}

}
