package io.github.wavestarter.bench.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import io.github.wavestarter.bench.token.TokenBenchmark.Run;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * Per-call cost of {@code waveRestClient} against the same {@code RestClient} without its
 * interceptors and with a static bearer header (same builder, same request factory and
 * connection pool, same loopback API): sequential, and many calls in flight on virtual
 * threads where the JVM has them (platform threads otherwise; the report says which).
 */
final class BlockingOverhead {

	private BlockingOverhead() {
	}

	static String measure(OursClient ours, int rounds, int sequentialCalls, int concurrentCalls, int concurrency,
			int warmupCalls) throws Exception {
		String token = ours.tokens().getTokenValue(Duration.ofSeconds(30));
		RestClient wave = ours.waveRestClient();
		RestClient plain = wave.mutate()
			.requestInterceptors(List::clear)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
		List<IntSupplier> calls = List.of(() -> get(plain), () -> get(wave));
		ExecutorService threads = virtualThreads();
		String kind = (threads != null) ? "virtual threads" : "platform threads";
		if (threads == null) {
			threads = Executors.newFixedThreadPool(concurrency);
		}
		try {
			for (IntSupplier call : calls) {
				run(call, warmupCalls / 4, 1, threads);
				run(call, warmupCalls / 4, concurrency, threads);
			}
			int[] modes = { 1, concurrency };
			int[] sizes = { sequentialCalls, concurrentCalls };
			Run[][][] results = new Run[modes.length][calls.size()][rounds];
			for (int r = 0; r < rounds; r++) {
				for (int m = 0; m < modes.length; m++) {
					for (int k = 0; k < calls.size(); k++) {
						int c = (r % 2 == 0) ? k : calls.size() - 1 - k;
						System.gc();
						results[m][c][r] = run(calls.get(c), sizes[m], modes[m], threads);
					}
				}
				System.err.printf(Locale.ROOT, "blocking overhead round %d/%d done%n", r + 1, rounds);
			}
			return report(results, modes, sizes, rounds, kind);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static String report(Run[][][] results, int[] modes, int[] sizes, int rounds, String kind) {
		StringBuilder out = new StringBuilder();
		out.append("#### Per-call overhead of `waveRestClient` (median of ")
			.append(rounds)
			.append(" alternating rounds, ")
			.append(kind)
			.append(", Java ")
			.append(Runtime.version().feature())
			.append(")\n\n");
		out.append("The static-bearer baseline is `waveRestClient` without its interceptors (same builder, "
				+ "request factory and connection pool), with a static header instead; GET + read a small JSON "
				+ "body.\n\n");
		out.append("| Mode | Client | Throughput (calls/s) | p50 (µs) | p99 (µs) | Throughput ratio | p50 ratio | "
				+ "non-200 |\n|---|---|---|---|---|---|---|---|\n");
		String[] names = { "static bearer", "waveRestClient" };
		List<String> verdicts = new ArrayList<>();
		for (int m = 0; m < modes.length; m++) {
			String mode = (modes[m] == 1) ? "sequential, " + sizes[m] + " calls"
					: modes[m] + " in flight, " + sizes[m] + " calls";
			for (int c = 0; c < names.length; c++) {
				Run[] runs = results[m][c];
				Run[] base = results[m][0];
				String tr = "—";
				String pr = "—";
				if (c > 0) {
					double t = TokenBenchmark.medianRatio(runs, base, Run::throughput);
					double p = TokenBenchmark.medianRatio(runs, base, (run) -> (double) run.p50());
					tr = String.format(Locale.ROOT, "%.3f ×", t);
					pr = String.format(Locale.ROOT, "%.3f ×", p);
					verdicts.add(String.format(Locale.ROOT,
							"- waveRestClient, %s: throughput %.3f× (goal ≥ 0.95: %s), p50 %.3f× (goal ≤ 1.05: %s)",
							mode, t, (t >= 0.95) ? "met" : "MISSED", p, (p <= 1.05) ? "met" : "MISSED"));
				}
				out.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %s | %s | %d |%n", mode,
						names[c], TokenBenchmark.median(runs, Run::throughput),
						TokenBenchmark.median(runs, (run) -> run.p50() / 1000.0),
						TokenBenchmark.median(runs, (run) -> run.p99() / 1000.0), tr, pr,
						Arrays.stream(runs).mapToInt(Run::bad).sum()));
			}
		}
		out.append("\nGoal check (vs static bearer):\n");
		verdicts.forEach((verdict) -> out.append(verdict).append('\n'));
		return out.toString();
	}

	static int get(RestClient client) {
		return client.get().uri("/accounts").retrieve().onStatus((status) -> true, (request, response) -> {
		}).toEntity(String.class).getStatusCode().value();
	}

	static Run run(IntSupplier call, int calls, int concurrency, ExecutorService threads) throws Exception {
		long[] latencies = new long[calls];
		AtomicInteger bad = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		List<Callable<Void>> workers = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			workers.add(() -> {
				for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
					long t0 = System.nanoTime();
					int status = call.getAsInt();
					latencies[i] = System.nanoTime() - t0;
					if (status != 200) {
						bad.incrementAndGet();
					}
				}
				return null;
			});
		}
		long start = System.nanoTime();
		for (Future<Void> worker : threads.invokeAll(workers, 5, TimeUnit.MINUTES)) {
			worker.get();
		}
		long elapsed = System.nanoTime() - start;
		Arrays.sort(latencies);
		return new Run(calls * 1e9 / elapsed, latencies[calls / 2],
				latencies[Math.min(calls - 1, (int) (calls * 0.99))], bad.get());
	}

	/** Virtual threads where the JVM has them (Java 21 and later), else {@code null}. */
	static ExecutorService virtualThreads() {
		try {
			return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

}
