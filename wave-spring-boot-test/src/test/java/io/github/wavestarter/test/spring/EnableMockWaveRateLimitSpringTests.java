package io.github.wavestarter.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wavestarter.test.MockWaveServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** {@code @EnableMockWave(rateLimit = N)} gives the context a rate-limited emulator. */
@SpringJUnitConfig(EnableMockWaveRateLimitSpringTests.Config.class)
@EnableMockWave(rateLimit = 3)
@Timeout(60)
class EnableMockWaveRateLimitSpringTests {

	@Configuration
	static class Config {

	}

	@Autowired
	MockWaveServer server;

	@Test
	void theServerOfTheContextIsRateLimited() throws Exception {
		assertThat(server.rateLimit()).isEqualTo(3);
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/org/v1"))
			.header("Authorization", "Bearer " + server.tokens().issueAccessToken())
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		int admitted = 0;
		HttpResponse<String> rejected = null;
		for (int i = 0; i < 50 && rejected == null; i++) {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 429) {
				rejected = response;
			}
			else {
				assertThat(response.statusCode()).isEqualTo(200);
				admitted++;
			}
		}

		assertThat(admitted).isGreaterThanOrEqualTo(3);
		assertThat(rejected).as("a 429 within 50 requests").isNotNull();
		assertThat(rejected.body()).isEqualTo(
				"{\"code\":8,\"message\":\"rate limit exceeded: 3 requests per second per client\",\"details\":[]}");
		assertThat(server.journal().rateLimitedRequestCount(server.clientId())).isEqualTo(1);
	}

}
