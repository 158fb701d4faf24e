package io.github.wavestarter.blue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.junit.MockWaveServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end stream decoding over real HTTP on loopback: the emulator's stubs answer
 * exactly the chunks a test publishes, to a WebClient carrying a valid token.
 */
@MockWaveServerTest
class BlueStreamsHttpTests {

	private static final String ACCOUNTS = "/cost/v1/aws/accounts";

	private static final String COSTS = "/cost/v1/aws/costs:read";

	private MockWaveServer server;

	private WebClient client;

	@BeforeEach
	void connect(MockWaveServer server) {
		this.server = server;
		this.client = WebClient.builder()
			.baseUrl(server.baseUrl())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + server.tokens().issueAccessToken())
			.build();
	}

	/** Answers {@code GET /cost/v1/aws/accounts} with these chunks. */
	private void answer(Supplier<? extends Publisher<String>> chunks) {
		this.server.stubs().stub("GET", ACCOUNTS).thenChunks(chunks);
	}

	record Row(int n, String name) {
	}

	private static String row(int n) {
		return "{\"result\":{\"n\":" + n + ",\"name\":\"row-" + n + "\",\"extra\":{\"ignored\":[1,2]}}}\n";
	}

	private static String rows(int from, int to) {
		StringBuilder sb = new StringBuilder();
		for (int i = from; i < to; i++) {
			sb.append(row(i));
		}
		return sb.toString();
	}

	@Test
	void manyObjectsInOneChunk() {
		String body = rows(0, 2000);
		answer(() -> Mono.just(body));
		List<Row> result = this.client.get()
			.uri(ACCOUNTS)
			.exchangeToFlux(BlueStreams.results(Row.class))
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(result).hasSize(2000);
		assertThat(result.get(1999)).isEqualTo(new Row(1999, "row-1999"));
	}

	@Test
	void linesSplitAcrossTinyChunks() {
		byte[] body = rows(0, 30).getBytes(StandardCharsets.UTF_8);
		List<String> pieces = new ArrayList<>();
		for (int i = 0; i < body.length; i += 7) {
			pieces.add(new String(body, i, Math.min(7, body.length - i), StandardCharsets.UTF_8));
		}
		AtomicInteger chunks = new AtomicInteger();
		answer(() -> Flux.fromIterable(pieces).delayElements(Duration.ofMillis(1)));
		List<Row> result = this.client.get()
			.uri(ACCOUNTS)
			.retrieve()
			.bodyToFlux(DataBuffer.class)
			.doOnNext((b) -> chunks.incrementAndGet())
			.transform(BlueStreams.defaults().decoder(Row.class))
			.collectList()
			.block(Duration.ofSeconds(20));
		assertThat(result).extracting(Row::n).containsExactlyElementsOf(range(0, 30));
		// proves that lines really arrived split over many network reads
		assertThat(chunks.get()).isGreaterThan(60);
	}

	@Test
	void emptyLinesAndMissingFinalNewlineTolerated() {
		String body = "\n\r\n" + row(1) + "\n  \n" + row(2) + "{}\n" + "{\"result\":{\"n\":3,\"name\":\"x\"}}";
		answer(() -> Mono.just(body));
		StepVerifier.create(this.client.get().uri(ACCOUNTS).exchangeToFlux(BlueStreams.results(Row.class)))
			.expectNext(new Row(1, "row-1"), new Row(2, "row-2"), new Row(3, "x"))
			.verifyComplete();
	}

	@Test
	void errorLineAfterRowsDeliversRowsThenFails() {
		String body = rows(0, 5)
				+ "{\"error\":{\"code\":16,\"message\":\"token expired\",\"details\":[{\"@type\":\"x\"}]}}\n"
				+ rows(5, 9);
		this.server.stubs().stub("POST", COSTS).thenChunks(() -> Mono.just(body));
		StepVerifier.create(
				this.client.post().uri(COSTS).bodyValue(Map.of("a", 1)).exchangeToFlux(BlueStreams.results(Row.class)))
			.expectNextCount(5)
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(BlueApiException.class);
				BlueApiException bae = (BlueApiException) ex;
				assertThat(bae.getGrpcCode()).isEqualTo(GrpcCode.UNAUTHENTICATED);
				assertThat(bae.getHttpStatus()).isEqualTo(200);
				assertThat(bae.getApiMessage()).isEqualTo("token expired");
				assertThat(bae.getDetails()).hasSize(1);
				assertThat(bae.getMessage()).contains("UNAUTHENTICATED (16)").contains("token expired");
			})
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void errorLineSplitAcrossChunksAfterRows() {
		String body = rows(0, 3) + "{\"error\":{\"code\":8,\"message\":\"quota\"}}\n";
		List<String> pieces = List.of(body.substring(0, body.length() - 20), body.substring(body.length() - 20));
		answer(() -> Flux.fromIterable(pieces).delayElements(Duration.ofMillis(20)));
		StepVerifier.create(this.client.get().uri(ACCOUNTS).exchangeToFlux(BlueStreams.results(Row.class)))
			.expectNextCount(3)
			.expectErrorSatisfies(
					(ex) -> assertThat(((BlueApiException) ex).getGrpcCode()).isEqualTo(GrpcCode.RESOURCE_EXHAUSTED))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void backpressureDoesNotDrainServer() throws Exception {
		int total = 3_000_000;
		AtomicLong generated = new AtomicLong();
		CountDownLatch closed = new CountDownLatch(1);
		answer(() -> Flux.<String, Integer>generate(() -> 0, (i, sink) -> {
			if (i >= total) {
				sink.complete();
			}
			else {
				generated.incrementAndGet();
				sink.next(row(i));
			}
			return i + 1;
		}).doFinally((s) -> closed.countDown()));
		Flux<Row> flux = this.client.get().uri(ACCOUNTS).exchangeToFlux(BlueStreams.results(Row.class));
		StepVerifier.create(flux, 0)
			.thenRequest(1)
			.expectNext(new Row(0, "row-0"))
			.thenRequest(1)
			.expectNext(new Row(1, "row-1"))
			.thenRequest(1)
			.expectNext(new Row(2, "row-2"))
			.then(() -> sleep(700))
			.then(() -> {
				// ~100 MB would be produced if the client drained the body; only
				// socket/queue buffers worth may be
				assertThat(generated.get()).isLessThan(300_000);
			})
			.thenRequest(5)
			.expectNextCount(5)
			.thenCancel()
			.verify(Duration.ofSeconds(10));
		assertThat(closed.await(5, TimeUnit.SECONDS)).as("server saw the exchange end").isTrue();
		assertThat(generated.get()).isLessThan(total);
	}

	@Test
	void limitRateKeepsServerBounded() throws Exception {
		AtomicLong generated = new AtomicLong();
		answer(() -> Flux.<String, Integer>generate(() -> 0, (i, sink) -> {
			generated.incrementAndGet();
			sink.next(row(i));
			return i + 1;
		}));
		List<Row> first = this.client.get()
			.uri(ACCOUNTS)
			.exchangeToFlux(BlueStreams.results(Row.class))
			.limitRate(10)
			.take(50)
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(first).hasSize(50);
		sleep(300);
		assertThat(generated.get()).isLessThan(300_000);
	}

	@Test
	void cancellationClosesTheExchange() throws Exception {
		CountDownLatch cancelled = new CountDownLatch(1);
		AtomicLong generated = new AtomicLong();
		answer(() -> Flux.interval(Duration.ofMillis(2)).map((i) -> {
			generated.incrementAndGet();
			return row(i.intValue());
		}).doFinally((s) -> cancelled.countDown()));
		List<Row> rows = this.client.get()
			.uri(ACCOUNTS)
			.exchangeToFlux(BlueStreams.results(Row.class))
			.take(3)
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(rows).hasSize(3);
		assertThat(cancelled.await(5, TimeUnit.SECONDS)).as("server-side stream terminated by client cancel").isTrue();
		long afterCancel = generated.get();
		sleep(200);
		assertThat(generated.get()).isEqualTo(afterCancel);
	}

	@Test
	void oversizedLineFailsClearly() {
		BlueStreams streams = BlueStreams.create(JsonMapper.builder().build(), DataSize.ofKilobytes(1));
		String huge = "{\"result\":{\"n\":9,\"name\":\"" + "x".repeat(5000) + "\"}}\n";
		String body = rows(0, 2) + huge + rows(2, 4);
		answer(() -> Mono.just(body));
		StepVerifier.create(this.client.get().uri(ACCOUNTS).exchangeToFlux(streams.resultsOf(Row.class)))
			.expectNextCount(2)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(BlueStreamLimitException.class)
				.hasMessageContaining("1024 bytes")
				.hasMessageContaining("wave.stream.max-line-size")
				.hasMessageContaining("Line 3"))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void oversizedLineWithoutNewlineIsNotBufferedUnbounded() {
		BlueStreams streams = BlueStreams.create(JsonMapper.builder().build(), DataSize.ofKilobytes(64));
		AtomicLong generated = new AtomicLong();
		answer(() -> Flux.concat(Mono.just(row(0) + "{\"result\":{\"name\":\""), Flux.<String>generate((sink) -> {
			generated.incrementAndGet();
			sink.next("y".repeat(1000));
		})));
		StepVerifier.create(this.client.get().uri(ACCOUNTS).exchangeToFlux(streams.resultsOf(Row.class)))
			.expectNext(new Row(0, "row-0"))
			.expectError(BlueStreamLimitException.class)
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void non2xxBeforeStreamIsBlueApiException() {
		answer(() -> Mono.just(rows(0, 1)));
		// a token the emulator never issued: it answers 401 before the stub
		StepVerifier
			.create(this.client.get()
				.uri(ACCOUNTS)
				.header(HttpHeaders.AUTHORIZATION, "Bearer super-secret-token")
				.exchangeToFlux(BlueStreams.results(Row.class)))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(BlueApiException.class);
				BlueApiException bae = (BlueApiException) ex;
				assertThat(bae.getHttpStatus()).isEqualTo(401);
				assertThat(bae.getGrpcCode()).isEqualTo(GrpcCode.UNAUTHENTICATED);
				assertThat(bae.getMessage()).contains("invalid token")
					.contains("GET /m/blue/cost/v1/aws/accounts")
					.doesNotContain("super-secret-token");
				assertThat(bae.toString()).doesNotContain("super-secret-token");
			})
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void decodesIntoJsonNodeAndMapWithApplicationMapper() {
		String body = rows(0, 3);
		answer(() -> Mono.just(body));
		BlueStreams streams = BlueStreams.create(JsonMapper.builder().build(), DataSize.ofMegabytes(1));
		List<JsonNode> nodes = this.client.get()
			.uri(ACCOUNTS)
			.exchangeToFlux(streams.resultsOf(JsonNode.class))
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(nodes).hasSize(3);
		assertThat(nodes.get(2).get("extra").get("ignored").get(1).asInt()).isEqualTo(2);
		this.server.stubs().stub("POST", COSTS).thenChunks(() -> Mono.just(body));
		List<Map<String, Object>> maps = this.client.post()
			.uri(COSTS)
			.bodyValue("{}")
			.exchangeToFlux(streams.resultsOf(new ParameterizedTypeReference<Map<String, Object>>() {
			}))
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(maps).hasSize(3);
		assertThat(maps.get(1)).containsEntry("name", "row-1");
	}

	@Test
	void concurrentSubscriptionsHaveIndependentState() {
		AtomicReference<String> body = new AtomicReference<>(rows(0, 500));
		answer(() -> Mono.just(body.get()));
		Flux<Row> one = this.client.get().uri(ACCOUNTS).exchangeToFlux(BlueStreams.results(Row.class));
		List<Long> counts = Flux.merge(one.count(), one.count(), one.count())
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(counts).containsOnly(500L);
	}

	private static List<Integer> range(int from, int to) {
		List<Integer> list = new ArrayList<>();
		for (int i = from; i < to; i++) {
			list.add(i);
		}
		return list;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
