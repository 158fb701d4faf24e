package io.github.wavestarter.test;

import static io.github.wavestarter.test.WaveHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.wavestarter.test.journal.RecordedApiRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two clients hammer one emulator at the same time: every token is bound to the client
 * that asked for it and every API call is journaled under the client whose token it
 * carried, with exact per-client counts.
 */
class MultiClientConcurrencyTests {

	private static final int TOKEN_REQUESTS_PER_CLIENT = 100;

	private static final int API_CALLS_PER_TOKEN = 3;

	private static final List<MockApiClient> CLIENTS = List.of(MockApiClient.named("acme", "acme-id", "acme-secret"),
			MockApiClient.named("globex", "globex-id", "globex-secret"));

	@Test
	void twoClientsWithManyConcurrentTokenRequestsAndCallsAreEachJournaledUnderTheirClient() throws Exception {
		try (MockWaveServer server = MockWaveServer.builder().client(CLIENTS.get(0)).client(CLIENTS.get(1)).start()) {
			Map<String, String> ownerOfToken = new HashMap<>();
			Map<String, String> firstToken = new HashMap<>();
			for (MockApiClient client : CLIENTS) {
				String token = server.tokens().issueAccessToken(client.clientId());
				firstToken.put(client.clientId(), token);
				ownerOfToken.put(token, client.clientId());
			}
			// interleaved token requests of both clients, all in flight at once, with API
			// calls of both clients carrying their first token
			List<CompletableFuture<HttpResponse<String>>> tokenFutures = new ArrayList<>();
			List<String> askedBy = new ArrayList<>();
			List<CompletableFuture<HttpResponse<String>>> callFutures = new ArrayList<>();
			List<String> callOwner = new ArrayList<>();
			for (int i = 0; i < TOKEN_REQUESTS_PER_CLIENT; i++) {
				for (MockApiClient client : CLIENTS) {
					tokenFutures.add(sendAsync(tokenRequest(server, client)));
					askedBy.add(client.clientId());
					callFutures.add(sendAsync(whoami(server, firstToken.get(client.clientId()))));
					callOwner.add(client.clientId());
				}
			}
			for (int i = 0; i < tokenFutures.size(); i++) {
				HttpResponse<String> response = tokenFutures.get(i).get(60, TimeUnit.SECONDS);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				ownerOfToken.put(json(response.body()).path("access_token").asString(), askedBy.get(i));
			}
			assertThat(ownerOfToken).hasSize(2 * TOKEN_REQUESTS_PER_CLIENT + 2);

			// every token used concurrently; whoami tells whose token each call carried
			for (int round = 0; round < API_CALLS_PER_TOKEN; round++) {
				ownerOfToken.forEach((token, owner) -> {
					callFutures.add(sendAsync(whoami(server, token)));
					callOwner.add(owner);
				});
			}
			for (int i = 0; i < callFutures.size(); i++) {
				HttpResponse<String> response = callFutures.get(i).get(60, TimeUnit.SECONDS);
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(json(response.body()).path("metadata").path("clientId").asString())
					.isEqualTo(callOwner.get(i));
			}

			long callsPerClient = TOKEN_REQUESTS_PER_CLIENT + (TOKEN_REQUESTS_PER_CLIENT + 1L) * API_CALLS_PER_TOKEN;
			for (MockApiClient client : CLIENTS) {
				String id = client.clientId();
				assertThat(server.journal().tokenRequestCount(id)).isEqualTo(TOKEN_REQUESTS_PER_CLIENT);
				List<RecordedApiRequest> calls = server.journal().apiRequests(id);
				assertThat(calls).hasSize((int) callsPerClient).allMatch(RecordedApiRequest::validToken);
				assertThat(server.journal().apiRequestCount(id)).isEqualTo(callsPerClient);
				// each journaled call carried a token that this very client obtained
				List<String> ownTokens = ownerOfToken.entrySet()
					.stream()
					.filter(e -> e.getValue().equals(id))
					.map(Map.Entry::getKey)
					.toList();
				assertThat(calls).allMatch(call -> ownTokens.stream().anyMatch(call::hasBearerToken));
			}
			assertThat(server.journal().apiRequestCount()).isEqualTo(2 * callsPerClient);
			assertThat(server.journal().apiRequests(server.clientId())).isEmpty();
			assertThat(server.tokens().issued()).hasSize(2 * TOKEN_REQUESTS_PER_CLIENT + 2)
				.allMatch(set -> set.clientId().equals(ownerOfToken.get(set.accessToken())));
		}
	}

	private static HttpRequest tokenRequest(MockWaveServer server, MockApiClient client) {
		WaveHttp.Multipart body = WaveHttp.Multipart.of(MultiClientTests.clientCredentialsForm(client));
		return HttpRequest.newBuilder(URI.create(server.tokenUri()))
			.header("Content-Type", body.contentType())
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.body()))
			.build();
	}

	private static HttpRequest whoami(MockWaveServer server, String token) {
		return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/iam/v1/whoami"))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
	}

	private static CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
		return WaveHttp.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

}
