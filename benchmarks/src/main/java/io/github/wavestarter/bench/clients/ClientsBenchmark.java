package io.github.wavestarter.bench.clients;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.wavestarter.bench.token.LoopbackServers;
import io.github.wavestarter.client.WaveClients;
import io.github.wavestarter.client.WaveCredentials;
import reactor.core.publisher.Flux;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Issue 14's scale goals, in a non-web application with the starter against the loopback
 * token endpoint and API:
 * <ul>
 * <li>the heap retained by 1,000 registered, idle clients (goal: at most 10 KB each),
 * against a baseline measured in the same run: 1,000 bare Spring Security
 * {@code ClientRegistration}s, what any client must hold at least;</li>
 * <li>200 clients registered cold, 10 concurrent calls each (2,000 calls at once): the
 * token requests (goal: exactly 200) and the wall time, against the same 2,000 calls
 * through one warm client.</li>
 * </ul>
 * {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests -Pclients-bench}
 */
public final class ClientsBenchmark {

	private static final int IDLE = 1000;

	private static final int COLD = 200;

	private static final int CALLS_PER_CLIENT = 10;

	/** 40 clients' 10 calls at a time. */
	private static final int IN_FLIGHT = 400;

	/** Keeps what is measured reachable while the heap is read. */
	private static volatile Object kept;

	private ClientsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (LoopbackServers servers = new LoopbackServers();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
					.web(WebApplicationType.NONE)
					.bannerMode(Banner.Mode.OFF)
					.logStartupInfo(false)
					.properties("wave.client-id=bench-client", "wave.client-secret=" + LoopbackServers.CLIENT_SECRET,
							"wave.token-uri=" + servers.tokenUri(), "wave.base-url=" + servers.baseUrl(),
							// the token requests are measured, not the pace of the calls
							"wave.api.max-requests-per-second=0", "logging.level.root=WARN")
					.run()) {
			WaveClients clients = context.getBean(WaveClients.class);
			WaveCredentials credentials = WaveCredentials.of("bench-client", LoopbackServers.CLIENT_SECRET);
			// warm the default client and the code paths
			calls(clients, List.of(WaveClients.DEFAULT), 200);
			long baselineBytes = retained(() -> {
				List<ClientRegistration> registrations = new ArrayList<>();
				for (int i = 0; i < IDLE; i++) {
					registrations.add(registration("baseline-" + i));
				}
				return registrations;
			});
			long idleBytes = retained(() -> {
				for (int i = 0; i < IDLE; i++) {
					clients.register("idle-" + i, credentials);
				}
				return clients;
			});
			for (int i = 0; i < IDLE; i++) {
				clients.remove("idle-" + i);
			}
			List<String> cold = new ArrayList<>();
			for (int i = 0; i < COLD; i++) {
				cold.add("cold-" + i);
				clients.register("cold-" + i, credentials);
			}
			int tokensBefore = servers.tokenRequests("bench-client");
			long coldNanos = calls(clients, cold, COLD * CALLS_PER_CLIENT);
			int coldTokens = servers.tokenRequests("bench-client") - tokensBefore;
			long warmNanos = calls(clients, List.of(WaveClients.DEFAULT), COLD * CALLS_PER_CLIENT);
			System.out.println("<!-- clients-benchmark report begin -->");
			System.out.printf(Locale.ROOT, "Java %d, %d cores%n%n", Runtime.version().feature(),
					Runtime.getRuntime().availableProcessors());
			System.out.println("| Measure | Goal | Measured | Baseline (same run) | Ratio |");
			System.out.println("|---|---|---|---|---|");
			System.out.printf(Locale.ROOT,
					"| heap retained per idle registered client (%,d clients) | ≤ 10 KB | %.1f KB | %.1f KB (a bare `ClientRegistration`) | %.2f × |%n",
					IDLE, idleBytes / 1024.0 / IDLE, baselineBytes / 1024.0 / IDLE, (double) idleBytes / baselineBytes);
			System.out.printf(Locale.ROOT,
					"| token requests, %d cold clients × %d concurrent calls | exactly %d | %d | — | — |%n", COLD,
					CALLS_PER_CLIENT, COLD, coldTokens);
			System.out.printf(Locale.ROOT,
					"| wall time of those %,d calls | — | %d ms | %d ms (the same calls through one warm client) | %.2f × |%n",
					COLD * CALLS_PER_CLIENT, coldNanos / 1_000_000, warmNanos / 1_000_000,
					(double) coldNanos / warmNanos);
			System.out.println("<!-- clients-benchmark report end -->");
		}
		System.exit(0);
	}

	/**
	 * Makes the calls, at most {@value #IN_FLIGHT} in flight (the Wave pool queues at
	 * most 500 pending acquisitions), in order of the names: each client's calls are in
	 * flight together.
	 */
	private static long calls(WaveClients clients, List<String> names, int calls) {
		long start = System.nanoTime();
		int perClient = calls / names.size();
		List<String> answers = Flux.range(0, calls)
			.flatMap((i) -> clients.webClient(names.get(i / perClient))
				.get()
				.uri("/accounts")
				.retrieve()
				.bodyToMono(String.class), IN_FLIGHT)
			.collectList()
			.block(Duration.ofMinutes(2));
		if (answers == null || answers.size() != calls) {
			throw new IllegalStateException("calls lost: " + ((answers != null) ? answers.size() : 0));
		}
		return System.nanoTime() - start;
	}

	/** The heap the object made by {@code allocation} keeps, after full collections. */
	private static long retained(java.util.function.Supplier<Object> allocation) throws InterruptedException {
		long before = usedAfterGc();
		kept = allocation.get();
		long after = usedAfterGc();
		kept = null;
		return after - before;
	}

	private static long usedAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static ClientRegistration registration(String id) {
		return ClientRegistration.withRegistrationId(id)
			.clientId("bench-client")
			.clientSecret(LoopbackServers.CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("openid")
			.tokenUri("https://login.alphaus.cloud/access_token")
			.build();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
