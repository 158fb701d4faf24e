package io.github.wavestarter.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLHandshakeException;

import io.github.wavestarter.testsupport.BlueApiSpec;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The decisions of {@link WaveApiCalls} and the pace of its {@link RateLimiter}, on an
 * injected clock: which calls are safe to repeat, which failures are retried, how long a
 * retry waits, and how calls are spaced.
 */
class WaveApiCallsTests {

	private static final URI BASE = URI.create("https://api.alphaus.cloud/m/blue");

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	@Test
	void getAndTheReadCustomMethodsAreSafeAndWritesAreNot() {
		assertThat(safe(HttpMethod.GET, "/cost/v1/aws/accounts")).isTrue();
		assertThat(safe(HttpMethod.HEAD, "/iam/v1/whoami")).isTrue();
		assertThat(safe(HttpMethod.POST, "/cost/v1/aws/costs:read")).isTrue();
		assertThat(safe(HttpMethod.POST, "/billing/v1/invoice/20261101:read")).isTrue();
		assertThat(safe(HttpMethod.POST, "/cost/v1/aws/costs%3Aread")).isTrue();
		assertThat(safe(HttpMethod.POST, "/cost/v1/aws/costs:calculate")).isFalse();
		assertThat(safe(HttpMethod.POST, "/cost/v1/reports:export")).isFalse();
		assertThat(safe(HttpMethod.POST, "/cost/v1/aws/budgets")).isFalse();
		assertThat(safe(HttpMethod.POST, "/cost/v1/read")).isFalse();
		assertThat(safe(HttpMethod.POST, "/cost/v1/:read")).isFalse();
		assertThat(safe(HttpMethod.POST, "/cost/v1/aws/costs:read/x")).isFalse();
		assertThat(safe(HttpMethod.POST, "/cost/v1/aws/costs?view=:read")).isFalse();
		assertThat(safe(HttpMethod.PUT, "/cost/v1/aws/costs:read")).isFalse();
		assertThat(safe(HttpMethod.DELETE, "/cost/v1/aws/budgets/1")).isFalse();
		assertThat(safe(HttpMethod.PATCH, "/cost/v1/aws/budgets/1")).isFalse();
	}

	/**
	 * Against the API reference: the POST operations taken as safe are exactly its 67
	 * {@code :read} custom methods, and each of them is a read by its name.
	 */
	@Test
	void thePostOperationsTakenAsSafeAreTheReferencesReads() {
		BlueApiSpec spec = BlueApiSpec.load();
		List<BlueApiSpec.Operation> safePosts = spec.operations()
			.stream()
			.filter((operation) -> operation.method().equals("POST"))
			.filter((operation) -> safe(HttpMethod.POST, operation.path().replaceAll("\\{[^}]+}", "x")))
			.toList();
		assertThat(safePosts).hasSize(67);
		assertThat(safePosts).allSatisfy((operation) -> assertThat(
				operation.node().path("operationId").asString().replaceFirst("^[A-Za-z]+_", ""))
			.as("operation of POST %s", operation.path())
			.matches("(Read|List|Get)[A-Za-z0-9]*"));
		assertThat(spec.operations()).filteredOn((operation) -> operation.method().equals("POST"))
			.filteredOn((operation) -> operation.specPath().endsWith(":calculate")
					|| operation.specPath().endsWith(":export"))
			.isNotEmpty()
			.noneMatch((operation) -> safe(HttpMethod.POST, operation.path().replaceAll("\\{[^}]+}", "x")));
	}

	@Test
	void onlyTheTransientStatusesAreRetried() {
		assertThat(List.of(429, 502, 503, 504))
			.allSatisfy((status) -> assertThat(WaveApiCalls.retriedStatus(status)).isEqualTo(Integer.toString(status)));
		assertThat(List.of(200, 400, 401, 403, 404, 408, 409, 500, 501))
			.allSatisfy((status) -> assertThat(WaveApiCalls.retriedStatus(status)).isNull());
	}

	@Test
	void connectionsThatFailedBeforeAnAnswerAreRetriedTimeoutsAndTlsAreNot() {
		assertThat(WaveApiCalls.isConnectionFailure(new ConnectException("Connection refused"))).isTrue();
		assertThat(WaveApiCalls.isConnectionFailure(new IOException("Connection reset by peer"))).isTrue();
		assertThat(WaveApiCalls.isConnectionFailure(new WebClientRequestException(new ConnectException("refused"),
				HttpMethod.GET, BASE, new HttpHeaders())))
			.isTrue();
		assertThat(WaveApiCalls.isConnectionFailure(new SocketTimeoutException("Read timed out"))).isFalse();
		assertThat(WaveApiCalls.isConnectionFailure(new HttpTimeoutException("request timed out"))).isFalse();
		assertThat(WaveApiCalls.isConnectionFailure(new SSLHandshakeException("PKIX path building failed"))).isFalse();
		assertThat(WaveApiCalls.isConnectionFailure(new IllegalStateException("not I/O"))).isFalse();
	}

	@RepeatedTest(20)
	void theBackoffDoublesWithJitterUpToItsCap() {
		WaveApiCalls calls = calls(new WaveApiCalls.Settings(0, 5, Duration.ofMillis(200), Duration.ofMillis(500)));
		assertThat(calls.retryDelay(1, null)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
		assertThat(calls.retryDelay(2, null)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
		assertThat(calls.retryDelay(3, null)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
		assertThat(calls.retryDelay(4, null)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
		assertThat(calls.retryDelay(5, null)).as("no sixth attempt").isNull();
	}

	@RepeatedTest(20)
	void retryAfterIsWaitedForPlusTheJitterUnlessItIsLongerThanTheCap() {
		WaveApiCalls calls = calls(new WaveApiCalls.Settings(0, 3, Duration.ofMillis(200), Duration.ofSeconds(2)));
		assertThat(calls.retryDelay(1, Duration.ofSeconds(1))).isBetween(Duration.ofMillis(1100),
				Duration.ofMillis(1200));
		assertThat(calls.retryDelay(1, Duration.ofMillis(1900))).isEqualTo(Duration.ofSeconds(2));
		assertThat(calls.retryDelay(1, Duration.ofSeconds(3))).as("longer than wave.api.retry.max-backoff").isNull();
		assertThat(calls.retryDelay(3, Duration.ofSeconds(1))).as("attempts used").isNull();
	}

	@Test
	void oneAttemptMeansNoRetry() {
		WaveApiCalls calls = calls(new WaveApiCalls.Settings(0, 1, Duration.ofMillis(200), Duration.ofSeconds(5)));
		assertThat(calls.retryDelay(1, null)).isNull();
	}

	@Test
	void retryAfterIsReadInSecondsOrAsAnHttpDate() {
		assertThat(WaveApiCalls.retryAfter(retryAfter("3"))).isEqualTo(Duration.ofSeconds(3));
		assertThat(WaveApiCalls.retryAfter(retryAfter(" 0 "))).isEqualTo(Duration.ZERO);
		assertThat(WaveApiCalls.retryAfter(retryAfter("-5"))).isEqualTo(Duration.ZERO);
		String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
		assertThat(WaveApiCalls.retryAfter(retryAfter(inTenSeconds))).isBetween(Duration.ofSeconds(8),
				Duration.ofSeconds(10));
		String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().minusHours(1));
		assertThat(WaveApiCalls.retryAfter(retryAfter(past))).isEqualTo(Duration.ZERO);
		assertThat(WaveApiCalls.retryAfter(retryAfter("soon"))).isNull();
		assertThat(WaveApiCalls.retryAfter(retryAfter("99999999999999999999999"))).isNull();
		assertThat(WaveApiCalls.retryAfter(new HttpHeaders())).isNull();
	}

	@Test
	void callsAreSpacedEvenlyAfterABurstOfATenthOfASecond() {
		RateLimiter limiter = new RateLimiter(100, this.now::get);
		for (int i = 0; i < 10; i++) {
			assertThat(limiter.reserve()).as("call %d of the burst", i).isZero();
		}
		assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(10).toNanos());
		assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(20).toNanos());
		this.now.addAndGet(Duration.ofMillis(30).toNanos());
		assertThat(limiter.reserve()).as("the queue has gone").isZero();
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		for (int i = 0; i < 10; i++) {
			assertThat(limiter.reserve()).as("call %d of the next burst", i).isZero();
		}
		assertThat(limiter.reserve()).isPositive();
	}

	@Test
	void fiveHundredCallsAtOnceAreSpreadOverFiveSeconds() {
		RateLimiter limiter = new RateLimiter(100, this.now::get);
		long last = 0;
		for (int i = 0; i < 500; i++) {
			last = limiter.reserve();
		}
		assertThat(Duration.ofNanos(last)).isEqualTo(Duration.ofMillis(4900));
	}

	@Test
	void slowRatesGoOneCallAtATime() {
		RateLimiter limiter = new RateLimiter(0.5, this.now::get);
		assertThat(limiter.reserve()).isZero();
		assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(2).toNanos());
	}

	@Test
	void aRetryAfterHoldsTheCallsThatComeAfterIt() {
		RateLimiter limiter = new RateLimiter(100, this.now::get);
		limiter.pause(Duration.ofSeconds(1));
		assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(1).toNanos());
		assertThat(limiter.reserve()).as("then at the rate, without a burst")
			.isEqualTo(Duration.ofMillis(1010).toNanos());
		limiter.pause(Duration.ofMillis(1));
		assertThat(limiter.reserve()).as("a shorter pause does not shorten the queue")
			.isEqualTo(Duration.ofMillis(1020).toNanos());
	}

	@Test
	void onlyA429WithRetryAfterHoldsTheCalls() {
		WaveApiCalls calls = calls(new WaveApiCalls.Settings(1000, 3, Duration.ofMillis(200), Duration.ofSeconds(2)));
		calls.answered(503, Duration.ofSeconds(1));
		calls.answered(429, null);
		assertThat(calls.reserve()).isZero();
		calls.answered(429, Duration.ofSeconds(30));
		assertThat(calls.reserve()).as("capped at max-backoff").isEqualTo(Duration.ofSeconds(2).toNanos());
	}

	@Test
	void noLimitMeansNoWait() {
		WaveApiCalls calls = calls(new WaveApiCalls.Settings(0, 3, Duration.ofMillis(200), Duration.ofSeconds(5)));
		for (int i = 0; i < 1000; i++) {
			assertThat(calls.reserve()).isZero();
		}
		calls.answered(429, Duration.ofSeconds(1));
		assertThat(calls.reserve()).isZero();
	}

	@Test
	void onlyRequestsUnderTheBaseUrlAreCovered() {
		WaveApiCalls calls = calls(new WaveApiCalls.Settings(100, 3, Duration.ofMillis(200), Duration.ofSeconds(5)));
		assertThat(calls.covers(URI.create("https://api.alphaus.cloud/m/blue/cost/v1/aws/costs:read"))).isTrue();
		assertThat(calls.covers(URI.create("https://api.alphaus.cloud/m/bluex/cost"))).isFalse();
		assertThat(calls.covers(URI.create("https://elsewhere.example/m/blue/cost"))).isFalse();
	}

	@Test
	void badSettingsNameTheirField() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WaveApiCalls.Settings(-1, 3, Duration.ZERO, Duration.ofSeconds(1)))
			.withMessageContaining("maxRequestsPerSecond");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WaveApiCalls.Settings(Double.NaN, 3, Duration.ZERO, Duration.ofSeconds(1)))
			.withMessageContaining("maxRequestsPerSecond");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WaveApiCalls.Settings(1, 0, Duration.ZERO, Duration.ofSeconds(1)))
			.withMessageContaining("maxAttempts");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WaveApiCalls.Settings(1, 1, Duration.ofMillis(-1), Duration.ofSeconds(1)))
			.withMessageContaining("backoff");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WaveApiCalls.Settings(1, 1, Duration.ZERO, Duration.ZERO))
			.withMessageContaining("maxBackoff");
	}

	private WaveApiCalls calls(WaveApiCalls.Settings settings) {
		return new WaveApiCalls(settings, BASE, ObservationRegistry.NOOP, "default", this.now::get);
	}

	private static boolean safe(HttpMethod method, String path) {
		return WaveApiCalls.isSafe(method, URI.create(BASE + path));
	}

	private static HttpHeaders retryAfter(String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, value);
		return headers;
	}

}
