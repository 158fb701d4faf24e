package io.github.wavestarter.test;

import static io.github.wavestarter.test.WaveHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import io.github.wavestarter.test.journal.RecordedApiRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The per-client rate limit of the Blue API: a token bucket of {@code N} requests per
 * client, refilled at {@code N} per second, measured on an injected time source (real
 * time in one test only), over real HTTP on loopback.
 */
@Timeout(60)
class RateLimitTests {

	private static final String WHOAMI = "/iam/v1/whoami";

	private static final long SECOND = 1_000_000_000L;

	private static final String ACME_ID = "acme-id";

	private static final String ACME_SECRET = "acme-secret";

	/** The time source of the rate limit; only the tests move it. */
	private final AtomicLong nanos = new AtomicLong(-7 * SECOND);

	private MockWaveServer server;

	private WaveHttp http;

	@AfterEach
	void close() {
		if (server != null) {
			server.close();
		}
	}

	private MockWaveServer start(MockWaveServer.Builder builder) {
		this.server = builder.rateLimitNanoTime(nanos::get).start();
		this.http = new WaveHttp(server);
		return server;
	}

	private static String rejection(int requestsPerSecond) {
		return "{\"code\":8,\"message\":\"rate limit exceeded: " + requestsPerSecond
				+ " requests per second per client\",\"details\":[]}";
	}

	private void assertAdmitted(int times, String token) {
		for (int i = 0; i < times; i++) {
			assertThat(http.get(WHOAMI, token).statusCode()).as("request %d", i + 1).isEqualTo(200);
		}
	}

	private void assertRejected(String token) {
		assertThat(http.get(WHOAMI, token).statusCode()).isEqualTo(429);
	}

	@Test
	void aBurstOfTheCapacityThenTooManyRequestsWithRetryAfterAndAGrpcGatewayBody() {
		start(MockWaveServer.builder().rateLimit(3));
		String token = http.accessToken();

		assertAdmitted(3, token);
		HttpResponse<String> rejected = http.get(WHOAMI, token);

		assertThat(rejected.statusCode()).isEqualTo(429);
		assertThat(rejected.body()).isEqualTo(rejection(3));
		assertThat(rejected.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/json");
		// without time passing, the bucket stays empty
		assertRejected(token);
		assertThat(server.journal().apiRequestCount()).isEqualTo(5);
		assertThat(server.journal().rateLimitedRequestCount()).isEqualTo(2);
		assertThat(server.journal().rateLimitedRequests()).hasSize(2).allSatisfy((request) -> {
			assertThat(request.path()).isEqualTo(WHOAMI);
			assertThat(request.validToken()).isTrue();
			assertThat(request.clientId()).isEqualTo(server.clientId());
			assertThat(request.hasBearerToken(token)).isTrue();
		});
		List<RecordedApiRequest> all = server.journal().apiRequests();
		assertThat(all.subList(3, 5)).containsExactlyElementsOf(server.journal().rateLimitedRequests());
	}

	@Test
	void theBucketRefillsContinuouslyUpToItsCapacity() {
		start(MockWaveServer.builder().rateLimit(4));
		String token = http.accessToken();
		assertAdmitted(4, token);
		assertRejected(token);

		// one request every 250 ms, to the nanosecond
		nanos.addAndGet(SECOND / 4 - 1);
		assertRejected(token);
		nanos.addAndGet(1);
		assertAdmitted(1, token);
		assertRejected(token);
		nanos.addAndGet(SECOND / 8);
		assertRejected(token);
		nanos.addAndGet(SECOND / 8);
		assertAdmitted(1, token);
		assertRejected(token);

		// a long pause fills the bucket, but not beyond its capacity
		nanos.addAndGet(3600 * SECOND);
		assertAdmitted(4, token);
		assertRejected(token);
		assertThat(server.journal().rateLimitedRequestCount()).isEqualTo(6);
	}

	@Test
	void retryAfterIsTheWaitForOneRequestRoundedUpToWholeSeconds() {
		start(MockWaveServer.builder().rateLimit(1));
		String token = http.accessToken();
		assertAdmitted(1, token);

		HttpResponse<String> full = http.get(WHOAMI, token);
		nanos.addAndGet(SECOND - 1);
		HttpResponse<String> almost = http.get(WHOAMI, token);
		nanos.addAndGet(1);
		HttpResponse<String> refilled = http.get(WHOAMI, token);

		assertThat(full.statusCode()).isEqualTo(429);
		assertThat(full.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(full.body()).isEqualTo(rejection(1));
		// one nanosecond to go is still a whole second
		assertThat(almost.statusCode()).isEqualTo(429);
		assertThat(almost.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(refilled.statusCode()).isEqualTo(200);
		assertThat(refilled.headers().firstValue("Retry-After")).isEmpty();
	}

	@Test
	void inRealTimeARejectedClientIsAdmittedAgainAfterItsRetryAfter() throws InterruptedException {
		this.server = MockWaveServer.builder().rateLimit(20).start();
		this.http = new WaveHttp(server);
		String token = http.accessToken();
		HttpResponse<String> rejected = null;
		for (int i = 0; i < 200 && rejected == null; i++) {
			HttpResponse<String> response = http.get(WHOAMI, token);
			if (response.statusCode() == 429) {
				rejected = response;
			}
		}
		assertThat(rejected).as("a 429 within 200 back-to-back requests").isNotNull();
		assertThat(rejected.headers().firstValue("Retry-After")).hasValue("1");

		// 20 per second: one request is back after 50 ms
		Thread.sleep(120);

		assertThat(http.get(WHOAMI, token).statusCode()).isEqualTo(200);
	}

	@Test
	void concurrentRequestsGetExactlyTheCapacity() throws Exception {
		start(MockWaveServer.builder().rateLimit(10));
		String token = http.accessToken();
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			responses.add(WaveHttp.CLIENT.sendAsync(http.api(WHOAMI, token).GET().build(),
					HttpResponse.BodyHandlers.ofString()));
		}
		CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

		Map<Integer, Long> statuses = responses.stream()
			.collect(Collectors.groupingBy((response) -> response.join().statusCode(), Collectors.counting()));
		assertThat(statuses).containsOnly(entry(200, 10L), entry(429, 30L));
		assertThat(server.journal().rateLimitedRequestCount()).isEqualTo(30);
		assertThat(server.journal().apiRequestCount()).isEqualTo(40);
	}

	@Test
	void eachClientHasItsOwnBucketSharedByAllItsTokens() {
		start(MockWaveServer.builder().rateLimit(2).client(ACME_ID, ACME_SECRET));
		String token = http.accessToken();
		String acme = server.tokens().issueAccessToken(ACME_ID);

		assertAdmitted(2, token);
		assertRejected(token);
		// a second token of the same client draws on the same bucket
		assertRejected(http.accessToken());
		assertAdmitted(2, acme);
		assertRejected(acme);

		assertThat(server.journal().rateLimitedRequestCount()).isEqualTo(3);
		assertThat(server.journal().rateLimitedRequestCount(server.clientId())).isEqualTo(2);
		assertThat(server.journal().rateLimitedRequestCount(ACME_ID)).isEqualTo(1);
		assertThat(server.journal().rateLimitedRequests(ACME_ID)).singleElement()
			.satisfies((request) -> assertThat(request.hasBearerToken(acme)).isTrue());
		assertThat(server.journal().apiRequestCount(ACME_ID)).isEqualTo(3);
	}

	@Test
	void requestsWithoutAValidTokenAreAnswered401AndNotCounted() {
		start(MockWaveServer.builder().rateLimit(1));
		String revoked = http.accessToken();
		server.tokens().revokeAll();
		String token = http.accessToken();

		List<HttpResponse<String>> unauthenticated = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			unauthenticated.add(http.get(WHOAMI, null));
			unauthenticated.add(http.get(WHOAMI, "not-a-token"));
			unauthenticated.add(http.get(WHOAMI, revoked));
		}

		assertThat(unauthenticated).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(json(response.body()).get("code").asInt()).isEqualTo(16);
		});
		assertAdmitted(1, token);
		assertRejected(token);
		assertThat(http.get(WHOAMI, null).statusCode()).isEqualTo(401);
		assertThat(server.journal().rateLimitedRequestCount()).isEqualTo(1);
		assertThat(server.journal().apiRequestCount()).isEqualTo(12);
	}

	@Test
	void everyPathCountsAgainstTheClientButTheTokenEndpointIsNotLimited() {
		start(MockWaveServer.builder().rateLimit(1));
		for (int i = 0; i < 5; i++) {
			assertThat(http.tokenMultipart(http.clientCredentialsForm()).statusCode()).isEqualTo(200);
		}
		String token = http.accessToken();

		// a path no route serves still counts, as at a gateway in front of the service
		assertThat(http.get("/nowhere/v1", token).statusCode()).isEqualTo(404);
		assertRejected(token);
		for (int i = 0; i < 5; i++) {
			assertThat(http.tokenMultipart(http.clientCredentialsForm()).statusCode()).isEqualTo(200);
		}
		assertThat(server.journal().tokenRequestCount()).isEqualTo(11);
		assertThat(server.journal().rateLimitedRequestCount()).isEqualTo(1);
	}

	@Test
	void aRejectedRequestConsumesNoFaultAndNoPollOfAnOperation() {
		start(MockWaveServer.builder().rateLimit(1).operationPolls(3));
		String token = http.accessToken();
		String name = json(http.post("/cost/v1/aws/costs:calculate", token, "{\"month\":\"202610\"}").body())
			.get("name")
			.asString();
		server.faults().api().failNext(1).withStatus(500);

		assertRejected(token);
		assertThat(server.faults().pending()).singleElement()
			.satisfies((spec) -> assertThat(spec.remaining()).isEqualTo(1));
		nanos.addAndGet(SECOND);
		assertThat(http.get("/ops/v1/" + name, token).statusCode()).isEqualTo(500);
		assertThat(server.faults().pending()).isEmpty();

		// done at the third poll: only the admitted polls count
		List<Boolean> done = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			nanos.addAndGet(SECOND);
			done.add(json(http.get("/ops/v1/" + name, token).body()).has("done"));
			assertThat(http.get("/ops/v1/" + name, token).statusCode()).isEqualTo(429);
		}
		assertThat(done).containsExactly(false, false, true);
	}

	@Test
	void theLimitChangesAtRuntimeAndResetRestoresItWithFullBuckets() {
		start(MockWaveServer.builder().rateLimit(2));
		String token = http.accessToken();
		assertThat(server.rateLimit()).isEqualTo(2);
		assertAdmitted(2, token);
		assertRejected(token);

		assertThat(server.setRateLimit(0)).isSameAs(server);
		assertThat(server.rateLimit()).isZero();
		assertAdmitted(20, token);

		server.setRateLimit(1);
		assertAdmitted(1, token);
		HttpResponse<String> rejected = http.get(WHOAMI, token);
		assertThat(rejected.statusCode()).isEqualTo(429);
		assertThat(rejected.body()).isEqualTo(rejection(1));
		assertThat(server.journal().rateLimitedRequestCount()).isEqualTo(2);

		server.reset();

		assertThat(server.rateLimit()).isEqualTo(2);
		assertThat(server.journal().rateLimitedRequestCount()).isZero();
		assertThat(server.journal().rateLimitedRequests()).isEmpty();
		assertThat(server.journal().rateLimitedRequestCount(server.clientId())).isZero();
		assertAdmitted(2, token);
		assertRejected(token);
		assertThat(server.journal().rateLimitedRequestCount()).isEqualTo(1);
	}

	@Test
	void resetAlsoFillsTheBucketsWhenTheLimitIsUnchanged() {
		start(MockWaveServer.builder().rateLimit(1));
		String token = http.accessToken();
		assertAdmitted(1, token);
		assertRejected(token);

		server.reset();

		assertAdmitted(1, token);
		assertRejected(token);
	}

	@Test
	void offByDefaultAndTurnedOnAtRuntime() {
		start(MockWaveServer.builder());
		String token = http.accessToken();
		assertThat(server.rateLimit()).isZero();
		assertAdmitted(150, token);

		server.setRateLimit(100);
		assertAdmitted(100, token);
		assertThat(http.get(WHOAMI, token).body()).isEqualTo(rejection(100));

		server.reset();
		assertThat(server.rateLimit()).isZero();
		assertAdmitted(150, token);
		assertThat(server.journal().rateLimitedRequestCount()).isZero();
	}

	@Test
	void aNegativeLimitIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> MockWaveServer.builder().rateLimit(-1))
			.withMessageContaining("requestsPerSecond")
			.withMessageContaining("-1");
		start(MockWaveServer.builder().rateLimit(5));
		assertThatIllegalArgumentException().isThrownBy(() -> server.setRateLimit(-5))
			.withMessageContaining("requestsPerSecond");
		assertThat(server.rateLimit()).isEqualTo(5);
	}

}
