package io.github.wavestarter.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wavestarter.test.junit.MockWaveServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * {@code @MockWaveServerTest(rateLimit = N)} starts a rate-limited emulator, and the
 * extension's reset after each test fills the buckets again.
 */
@MockWaveServerTest(rateLimit = 2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(60)
class RateLimitAnnotationTests {

	/**
	 * Sends requests until the first {@code 429} (at most 50).
	 * @return the number of requests admitted before it
	 */
	static int admittedBeforeTheFirstRejection(MockWaveServer server) {
		WaveHttp http = new WaveHttp(server);
		String token = server.tokens().issueAccessToken();
		for (int i = 0; i < 50; i++) {
			HttpResponse<String> response = http.get("/org/v1", token);
			if (response.statusCode() == 429) {
				assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
				return i;
			}
			assertThat(response.statusCode()).isEqualTo(200);
		}
		throw new AssertionError("no 429 within 50 requests");
	}

	@Test
	@Order(1)
	void theAnnotationSetsTheLimit(MockWaveServer server) {
		assertThat(server.rateLimit()).isEqualTo(2);
		assertThat(admittedBeforeTheFirstRejection(server)).isGreaterThanOrEqualTo(2);
		assertThat(server.journal().rateLimitedRequestCount()).isEqualTo(1);
		server.setRateLimit(0);
	}

	@Test
	@Order(2)
	void theResetAfterEachTestRestoresTheLimitAndItsBuckets(MockWaveServer server) {
		assertThat(server.rateLimit()).isEqualTo(2);
		assertThat(server.journal().rateLimitedRequestCount()).isZero();
		assertThat(admittedBeforeTheFirstRejection(server)).isGreaterThanOrEqualTo(2);
	}

}
