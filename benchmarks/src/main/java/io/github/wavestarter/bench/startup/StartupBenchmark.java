package io.github.wavestarter.bench.startup;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.wavestarter.bench.token.LoopbackServers;

/**
 * Start-up cost of the starter in a non-web application: whole processes of
 * {@link StartupApp}, run in rounds in alternating order ({@code wave.enabled=false},
 * alone and with a {@code RestClient} of its own built from Boot's builder; the starter
 * enabled, alone, with {@code waveRestClient} built at start-up, and with one first call
 * through it), median of the rounds. Reports CPU time, peak RSS, loaded classes and the
 * time to the first successful call, with ratios against the disabled baseline measured
 * in the same run.
 * <p>
 * {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests -Pstartup-bench}
 * ({@code -Dbench.startup.rounds=10}).
 */
public final class StartupBenchmark {

	private static final Pattern LINE = Pattern
		.compile("STARTUP mode=(\\S+) cpuMs=(\\d+) rssKb=(-?\\d+) classes=(\\d+) uptimeMs=(\\d+) firstCallMs=(-?\\d+)");

	private static final String[] MODES = { "disabled", "enabled", "own-rest-client", "rest-client", "first-call" };

	/**
	 * What is compared: each mode with its baseline, run back to back in alternating
	 * order, so that the ratio of a pair sees the same machine.
	 */
	private static final String[][] PAIRS = { { "enabled", "disabled" }, { "rest-client", "own-rest-client" },
			{ "rest-client", "disabled" }, { "first-call", "disabled" } };

	private StartupBenchmark() {
	}

	record Sample(long cpuMs, long rssKb, long classes, long uptimeMs, long firstCallMs) {

	}

	public static void main(String[] args) throws Exception {
		int rounds = Integer.getInteger("bench.startup.rounds", 10);
		Map<String, List<Sample>> samples = new LinkedHashMap<>();
		Map<String, List<Sample[]>> pairs = new LinkedHashMap<>();
		for (String mode : MODES) {
			samples.put(mode, new ArrayList<>());
		}
		try (LoopbackServers servers = new LoopbackServers()) {
			run("enabled", servers);
			for (int r = 0; r < rounds; r++) {
				for (String[] pair : PAIRS) {
					boolean modeFirst = (r % 2) == 0;
					Sample first = run(modeFirst ? pair[0] : pair[1], servers);
					Sample second = run(modeFirst ? pair[1] : pair[0], servers);
					Sample mode = modeFirst ? first : second;
					Sample baseline = modeFirst ? second : first;
					samples.get(pair[0]).add(mode);
					samples.get(pair[1]).add(baseline);
					pairs.computeIfAbsent(pair[0] + "|" + pair[1], (key) -> new ArrayList<>())
						.add(new Sample[] { mode, baseline });
				}
				System.err.printf(Locale.ROOT, "startup round %d/%d done%n", r + 1, rounds);
			}
		}
		System.out.println();
		System.out.println("<!-- startup-benchmark report begin -->");
		System.out.print(report(samples, pairs, rounds));
		System.out.println("<!-- startup-benchmark report end -->");
		System.exit(0);
	}

	private static String report(Map<String, List<Sample>> samples, Map<String, List<Sample[]>> pairs, int rounds) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"#### Start-up of a non-web application (median of %d alternating rounds, Java %d, %d cores)%n%n",
				rounds, Runtime.version().feature(), Runtime.getRuntime().availableProcessors()));
		out.append("| Mode | CPU (ms) | CPU ratio | Peak RSS (MB) | RSS delta (MB) | Loaded classes | Class delta | "
				+ "Uptime at the end (ms) | First call at (ms) |\n|---|---|---|---|---|---|---|---|---|\n");
		List<Sample> base = samples.get("disabled");
		for (Map.Entry<String, List<Sample>> entry : samples.entrySet()) {
			List<Sample> mode = entry.getValue();
			double cpuRatio = (double) median(mode, Sample::cpuMs) / median(base, Sample::cpuMs);
			out.append(String.format(Locale.ROOT, "| %s | %d | %.2f × | %.1f | %+.1f | %d | %+d | %d | %s |%n",
					label(entry.getKey()), median(mode, Sample::cpuMs), cpuRatio, median(mode, Sample::rssKb) / 1024.0,
					(median(mode, Sample::rssKb) - median(base, Sample::rssKb)) / 1024.0, median(mode, Sample::classes),
					median(mode, Sample::classes) - median(base, Sample::classes), median(mode, Sample::uptimeMs),
					entry.getKey().equals("first-call") ? String.valueOf(median(mode, Sample::firstCallMs)) : "—"));
		}
		goal(out, pairs.get("enabled|disabled"), "enabled, nothing used, vs `wave.enabled=false`");
		goal(out, pairs.get("rest-client|own-rest-client"),
				"`waveRestClient` built at start-up vs `wave.enabled=false` with a `RestClient` of its own");
		goal(out, pairs.get("rest-client|disabled"), "`waveRestClient` built at start-up vs `wave.enabled=false`");
		return out.toString();
	}

	private static void goal(StringBuilder out, List<Sample[]> pairs, String description) {
		List<Sample> mode = pairs.stream().map((pair) -> pair[0]).toList();
		List<Sample> base = pairs.stream().map((pair) -> pair[1]).toList();
		double cpu = medianRatio(mode, base, Sample::cpuMs);
		double rss = (median(mode, Sample::rssKb) - median(base, Sample::rssKb)) / 1024.0;
		out.append(String.format(Locale.ROOT,
				"%nGoal check (%s, median of %d back-to-back pairs): CPU %.3f× (goal ≤ 1.05: %s), peak RSS %+.1f MB "
						+ "(goal ≤ +5 MB: %s)%n",
				description, pairs.size(), cpu, (cpu <= 1.05) ? "met" : "MISSED", rss, (rss <= 5) ? "met" : "MISSED"));
	}

	private static String label(String mode) {
		return switch (mode) {
			case "disabled" -> "`wave.enabled=false` (baseline)";
			case "enabled" -> "starter enabled, no Wave bean used";
			case "own-rest-client" -> "`wave.enabled=false`, a `RestClient` of its own built at start-up";
			case "rest-client" -> "enabled, `waveRestClient` built at start-up, no call";
			default -> "enabled, `waveRestClient` built and one call made";
		};
	}

	/**
	 * The application's class path: the benchmark's, without Reactor Netty and Netty,
	 * which only the loopback servers of this process need. What is left is the starter
	 * and what it brings, as in an application that adds nothing else.
	 */
	static String applicationClassPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.contains("/io/netty/") && !entry.contains("/io/projectreactor/netty/")
					&& !entry.contains("wave-spring-boot-test"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static Sample run(String mode, LoopbackServers servers) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", applicationClassPath(), StartupApp.class.getName(), mode,
				servers.tokenUri(), servers.baseUrl())
			.redirectErrorStream(true)
			.start();
		List<String> output = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				output.add(line);
			}
		}
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("start-up of mode " + mode + " did not end within 120 s");
		}
		for (String line : output) {
			Matcher matcher = LINE.matcher(line);
			if (matcher.find()) {
				return new Sample(Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3)),
						Long.parseLong(matcher.group(4)), Long.parseLong(matcher.group(5)),
						Long.parseLong(matcher.group(6)));
			}
		}
		throw new IllegalStateException("mode " + mode + " printed no STARTUP line: " + output);
	}

	private static long median(List<Sample> samples, java.util.function.ToLongFunction<Sample> metric) {
		long[] values = samples.stream().mapToLong(metric).sorted().toArray();
		return values[values.length / 2];
	}

	private static double medianRatio(List<Sample> samples, List<Sample> base,
			java.util.function.ToLongFunction<Sample> metric) {
		double[] ratios = new double[samples.size()];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = (double) metric.applyAsLong(samples.get(i)) / metric.applyAsLong(base.get(i));
		}
		Arrays.sort(ratios);
		return ratios[ratios.length / 2];
	}

}
