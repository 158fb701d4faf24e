package io.github.wavestarter.test;

import static io.github.wavestarter.test.WaveHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InjectableClockTests {

	@Test
	void expiryAndDefaultCostDatesFollowTheInjectedClock() {
		MutableClock clock = new MutableClock(Instant.parse("2024-07-15T10:00:00Z"));
		try (MockWaveServer server = MockWaveServer.builder()
			.clock(clock)
			.tokenExpiresIn(Duration.ofHours(1))
			.start()) {
			WaveHttp http = new WaveHttp(server);
			String token = http.accessToken();

			HttpResponse<String> costs = http.post("/cost/v1/aws/costs:read", token, "{}");
			clock.advance(Duration.ofMinutes(59));
			int beforeExpiry = http.get("/org/v1", token).statusCode();
			clock.advance(Duration.ofMinutes(1));
			HttpResponse<String> afterExpiry = http.get("/org/v1", token);

			assertThat(costs.body().lines()).hasSize(15 * 3 * 7)
				.allMatch(line -> json(line).get("result").get("aws").get("date").asString().startsWith("2024-07-"));
			assertThat(beforeExpiry).isEqualTo(200);
			assertThat(afterExpiry.statusCode()).isEqualTo(401);
			assertThat(json(afterExpiry.body()).get("code").asInt()).isEqualTo(16);
			assertThat(server.journal().apiRequests().get(0).receivedAt())
				.isEqualTo(Instant.parse("2024-07-15T10:00:00Z"));
		}
	}

	@Test
	void pathsOutsideTheBaseUrlAreNotFound() {
		try (MockWaveServer server = MockWaveServer.start()) {
			HttpResponse<String> response = WaveHttp
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/aws/accounts"))
					.GET()
					.build());

			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(json(response.body()).get("code").asInt()).isEqualTo(5);
			assertThat(server.journal().apiRequestCount()).isZero();
		}
	}

}
