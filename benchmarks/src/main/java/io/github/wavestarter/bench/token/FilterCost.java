package io.github.wavestarter.bench.token;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.github.wavestarter.client.WaveApiCalls;
import io.github.wavestarter.client.WaveBearerTokenFilter;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.micrometer.observation.ObservationRegistry;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Cost of the bearer filters alone, without I/O: the filter runs against an exchange
 * function that answers a prebuilt 200 synchronously, so what is measured is CPU time and
 * allocation per call of the filter (and of its parts), single-threaded.
 */
final class FilterCost {

	private static final int OPS = Integer.getInteger("bench.filterOps", 400_000);

	private static final int TRIALS = 5;

	private FilterCost() {
	}

	static String measure(LoopbackServers servers, OursClient ours, StockClient stock) {
		URI base = URI.create(servers.baseUrl());
		WaveAccessTokenProvider tokens = ours.tokens();
		String token = tokens.getTokenValue(Duration.ofSeconds(30));
		ClientResponse ok = ClientResponse.create(HttpStatus.OK).build();
		Mono<ClientResponse> okMono = Mono.just(ok);
		ExchangeFunction next = (request) -> okMono;
		ClientRequest plainRequest = ClientRequest.create(HttpMethod.GET, URI.create(servers.baseUrl() + "/accounts"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header(HttpHeaders.ACCEPT, "application/json")
			.build();
		ClientRequest request = ClientRequest.create(HttpMethod.GET, URI.create(servers.baseUrl() + "/accounts"))
			.header(HttpHeaders.ACCEPT, "application/json")
			.build();
		WaveBearerTokenFilter wave = new WaveBearerTokenFilter(tokens, base, ObservationRegistry.NOOP);
		// a limit no single thread reaches (its burst alone is 10^8 calls): the cost of
		// a reservation and of the retry decision, never a wait
		ExchangeFilterFunction paced = apiCalls(base, 1_000_000_000d);
		ExchangeFilterFunction unpaced = apiCalls(base, 0);
		ExchangeFilterFunction both = paced.andThen(wave);
		Map<String, Supplier<Publisher<?>>> cases = new LinkedHashMap<>();
		cases.put("no filter (static header already on the request)", () -> next.exchange(plainRequest));
		cases.put("`WaveBearerTokenFilter.filter` (starter)", () -> wave.filter(request, next));
		cases.put("  part: `WaveTokenManager.getAccessToken()` (cached)", tokens::getAccessToken);
		cases.put("  part: `ClientRequest.from(request)` + set header", () -> {
			ClientRequest copy = ClientRequest.from(request)
				.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token))
				.build();
			return next.exchange(copy);
		});
		cases.put("`WaveApiCalls.filter()`, rate limit on (never reached), retries on",
				() -> paced.filter(request, next));
		cases.put("`WaveApiCalls.filter()`, rate limit off, retries on", () -> unpaced.filter(request, next));
		cases.put("both filters of `waveWebClient` (`WaveApiCalls`, then the bearer)",
				() -> both.filter(request, next));
		cases.put("stock `ServerOAuth2AuthorizedClientExchangeFilterFunction`",
				() -> stock.filter().filter(request, next));
		StringBuilder out = new StringBuilder();
		out.append("#### Where the per-call cost goes (filter alone, no I/O, 1 thread)\n\n");
		out.append("Each case is subscribed ")
			.append(OPS)
			.append(" times per trial against an exchange function " + "that answers a prebuilt 200; median of ")
			.append(TRIALS)
			.append(" trials.\n\n");
		out.append("| Case | ns/call | bytes allocated/call |\n|---|---|---|\n");
		// warm-up
		for (Supplier<Publisher<?>> c : cases.values()) {
			run(c, OPS);
			run(c, OPS);
		}
		for (Map.Entry<String, Supplier<Publisher<?>>> c : cases.entrySet()) {
			double[] ns = new double[TRIALS];
			double[] bytes = new double[TRIALS];
			for (int t = 0; t < TRIALS; t++) {
				double[] r = run(c.getValue(), OPS);
				ns[t] = r[0];
				bytes[t] = r[1];
			}
			Arrays.sort(ns);
			Arrays.sort(bytes);
			out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n", c.getKey(), ns[TRIALS / 2],
					bytes[TRIALS / 2]));
		}
		return out.toString();
	}

	private static ExchangeFilterFunction apiCalls(URI base, double rate) {
		return new WaveApiCalls(new WaveApiCalls.Settings(rate, 3, Duration.ofMillis(200), Duration.ofSeconds(5)), base,
				ObservationRegistry.NOOP, "default")
			.filter();
	}

	private static double[] run(Supplier<Publisher<?>> c, int ops) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long tid = Thread.currentThread().getId();
		Sink sink = new Sink();
		long bytes0 = threads.getThreadAllocatedBytes(tid);
		long t0 = System.nanoTime();
		for (int i = 0; i < ops; i++) {
			Publisher<?> p = c.get();
			if (p instanceof Mono<?> mono) {
				mono.subscribe(sink::accept);
			}
		}
		long elapsed = System.nanoTime() - t0;
		long allocated = threads.getThreadAllocatedBytes(tid) - bytes0;
		if (sink.count != ops && sink.count != 0) {
			throw new IllegalStateException("expected " + ops + " values, got " + sink.count);
		}
		return new double[] { (double) elapsed / ops, (double) allocated / ops };
	}

	private static final class Sink {

		long count;

		void accept(Object value) {
			this.count++;
		}

	}

}
