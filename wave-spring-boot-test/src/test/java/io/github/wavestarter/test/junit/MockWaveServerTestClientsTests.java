package io.github.wavestarter.test.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wavestarter.test.MockApiClient;
import io.github.wavestarter.test.MockWaveClient;
import io.github.wavestarter.test.MockWaveServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code @MockWaveServerTest(clients = ...)} starts the server with the extra clients.
 */
@MockWaveServerTest(clients = @MockWaveClient(name = "acme", clientId = "acme-id", clientSecret = "acme-secret"))
class MockWaveServerTestClientsTests {

	@Test
	void theServerKnowsTheDeclaredClients(MockWaveServer server) throws Exception {
		assertThat(server.clients()).containsExactly(MockApiClient.named("acme", "acme-id", "acme-secret"));
		assertThat(server.springProperties()).containsEntry("wave.clients.acme.client-id", "acme-id");

		String token = server.tokens().issueAccessToken("acme-id");
		HttpResponse<String> whoami = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.build()
			.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/iam/v1/whoami"))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofSeconds(10))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(whoami.statusCode()).isEqualTo(200);
		assertThat(whoami.body()).contains("\"clientId\":\"acme-id\"");
		assertThat(server.journal().apiRequestCount("acme-id")).isEqualTo(1);
	}

}
