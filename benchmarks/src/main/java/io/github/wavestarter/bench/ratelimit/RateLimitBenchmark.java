package io.github.wavestarter.bench.ratelimit;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wavestarter.blue.api.CostApi;
import io.github.wavestarter.blue.api.ReadCostsRequest;
import io.github.wavestarter.test.MockAccount;
import io.github.wavestarter.test.MockWaveServer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 15's resilience goal: 500 account-month cost reads ({@code CostApi.readCosts},
 * {@code POST /cost/v1/aws/costs:read}) issued at once against the emulator limited to
 * 100 calls per second per client, as Alphaus documents:
 * <ul>
 * <li>with the client-side rate limit (the default, 100 per second): the failures (goal:
 * none) and the wall time (goal: within 10 % of 5 s, 500 / 100), and the 429s the
 * emulator answered;</li>
 * <li>with the limit off ({@code wave.api.max-requests-per-second=0}), retries on: the
 * 429s, the failures and the wall time;</li>
 * <li>baseline, measured in the same run: the same 500 reads against the emulator without
 * its limit, and without ours.</li>
 * </ul>
 * {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests -Prate-limit-bench}
 * ({@code -Dbench.rounds=3}).
 */
public final class RateLimitBenchmark {

	private static final int READS = 500;

	private static final int API_LIMIT = 100;

	private static final Duration BLOCK = Duration.ofMinutes(2);

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private RateLimitBenchmark() {
	}

	public static void main(String[] args) {
		int rounds = Integer.getInteger("bench.rounds", 3);
		List<MockAccount> accounts = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			accounts
				.add(new MockAccount("aws", String.format(Locale.ROOT, "%012d", 100000000000L + i), "account-" + i));
		}
		List<Result> limited = new ArrayList<>();
		List<Result> unlimited = new ArrayList<>();
		List<Result> baseline = new ArrayList<>();
		// a warm-up round of each, not counted
		for (int round = 0; round <= rounds; round++) {
			Result ours = run(accounts, API_LIMIT, "wave.api.max-requests-per-second=" + API_LIMIT);
			Result off = run(accounts, API_LIMIT, "wave.api.max-requests-per-second=0");
			Result free = run(accounts, 0, "wave.api.max-requests-per-second=0");
			if (round > 0) {
				limited.add(ours);
				unlimited.add(off);
				baseline.add(free);
			}
			System.out.printf(Locale.ROOT, "round %d%s: limited %s | limit off %s | baseline %s%n", round,
					(round == 0) ? " (warm-up)" : "", ours, off, free);
		}
		double base = median(baseline);
		System.out.printf(Locale.ROOT, "%n%d reads at once, emulator limited to %d calls/s per client, %d rounds%n",
				READS, API_LIMIT, rounds);
		System.out.println("| Case | Wall time (median) | vs 5 s | vs baseline | Failures (all rounds) "
				+ "| 429s answered (all rounds) | Retries (all rounds) |");
		System.out.println("|---|---|---|---|---|---|---|");
		row("client-side limit 100/s (default), retries on", limited, base);
		row("client-side limit off, retries on", unlimited, base);
		row("baseline: no limit on either side", baseline, base);
	}

	private static void row(String name, List<Result> results, double base) {
		double wall = median(results);
		System.out.printf(Locale.ROOT, "| %s | %.2f s | %.3f× | %.1f× | %d | %d | %d |%n", name, wall,
				wall / (READS / (double) API_LIMIT), wall / base, results.stream().mapToInt(Result::failures).sum(),
				results.stream().mapToLong(Result::rateLimited).sum(),
				results.stream().mapToLong(Result::retries).sum());
	}

	private static Result run(List<MockAccount> accounts, int apiLimit, String... properties) {
		try (MockWaveServer server = MockWaveServer.builder()
			.accounts(accounts)
			.costRowsPerRequest(5)
			.rateLimit(apiLimit)
			.start()) {
			List<String> all = new ArrayList<>(List.of("wave.client-id=" + server.clientId(),
					"wave.client-secret=" + server.clientSecret(), "wave.token-uri=" + server.tokenUri(),
					"wave.base-url=" + server.baseUrl(), "wave.grant-type=client_credentials", "logging.level.root=OFF",
					"spring.reactor.netty.shutdown-quiet-period=0s"));
			all.addAll(List.of(properties));
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
				.web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.registerShutdownHook(false)
				.properties(all.toArray(String[]::new))
				.run()) {
				CostApi costs = context.getBean(CostApi.class);
				// the token first, so that only the reads are timed
				costs.listAccounts("aws").then().block(BLOCK);
				server.setRateLimit(apiLimit);
				server.journal().clear();
				AtomicInteger failures = new AtomicInteger();
				LocalDate january = LocalDate.of(2026, 1, 1);
				long start = System.nanoTime();
				Long rows = Flux.range(0, READS).flatMap((i) -> {
					MockAccount account = accounts.get(i % accounts.size());
					LocalDate month = january.plusMonths(i / accounts.size());
					ReadCostsRequest request = ReadCostsRequest.of(account.id(), month.format(DAY),
							month.plusMonths(1).minusDays(1).format(DAY));
					return costs.readCosts("aws", request).count().onErrorResume((ex) -> {
						failures.incrementAndGet();
						return Mono.just(0L);
					});
				}, READS).reduce(0L, Long::sum).block(BLOCK);
				double seconds = (System.nanoTime() - start) / 1e9;
				// every attempt reached the emulator, the rejected ones included
				long retries = server.journal().apiRequestCount() - READS;
				if (rows == null || (failures.get() == 0 && rows != READS * 5L)) {
					throw new IllegalStateException("expected " + READS * 5 + " rows, read " + rows);
				}
				return new Result(seconds, failures.get(), server.journal().rateLimitedRequestCount(), retries);
			}
		}
	}

	private static double median(List<Result> results) {
		double[] walls = results.stream().mapToDouble(Result::seconds).sorted().toArray();
		int middle = walls.length / 2;
		return (walls.length % 2 == 1) ? walls[middle] : (walls[middle - 1] + walls[middle]) / 2;
	}

	record Result(double seconds, int failures, long rateLimited, long retries) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%.2fs, %d failed, %d 429s, %d retries", this.seconds, this.failures,
					this.rateLimited, this.retries);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
