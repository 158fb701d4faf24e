package io.github.wavestarter.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wavestarter.test.journal.RecordedApiRequest;
import io.github.wavestarter.test.journal.RecordedTokenRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class JournalAndConcurrencyTests extends EmulatorFixture {

	@Test
	void journalRecordsContentTypeAndPartsAndMasksSecrets() {
		http.tokenMultipart(http.passwordForm());

		RecordedTokenRequest request = server.journal().lastTokenRequest();
		assertThat(request.isMultipart()).isTrue();
		assertThat(request.contentType()).startsWith("multipart/form-data; boundary=");
		assertThat(request.grantType()).isEqualTo("password");
		assertThat(request.parts()).containsEntry("client_id", server.clientId())
			.containsEntry("client_secret", server.clientSecret())
			.containsEntry("scope", "openid")
			.containsEntry("username", server.username())
			.containsEntry("password", server.password());
		assertThat(request.toString()).contains(server.clientId(), server.username(), "******")
			.doesNotContain(server.clientSecret())
			.doesNotContain(server.password());
	}

	@Test
	void journalMasksRefreshTokensAndRecordsRejectedUrlEncodedRequests() {
		String refresh = WaveHttp.json(http.tokenMultipart(http.passwordForm()).body()).get("refresh_token").asString();
		http.tokenMultipart(WaveHttp.form("grant_type", "refresh_token", "client_id", server.clientId(),
				"client_secret", server.clientSecret(), "refresh_token", refresh));
		http.tokenUrlEncoded(http.clientCredentialsForm());

		List<RecordedTokenRequest> requests = server.journal().tokenRequests();
		assertThat(requests).hasSize(3);
		assertThat(requests.get(1).toString()).doesNotContain(refresh);
		assertThat(requests.get(2).contentType()).isEqualTo("application/x-www-form-urlencoded");
		assertThat(requests.get(2).isMultipart()).isFalse();
	}

	@Test
	void journalRecordsApiRequestsWithTokenValidity() {
		String token = http.accessToken();
		http.get("/cost/v1/aws/accounts?groupId=g1", token);
		http.get("/iam/v1/whoami", "bogus");
		http.post("/cost/v1/aws/costs:read", token, "{\"startTime\":\"20240501\",\"endTime\":\"20240502\"}");

		List<RecordedApiRequest> requests = server.journal().apiRequests();
		assertThat(requests).hasSize(3);
		assertThat(requests.get(0))
			.extracting(RecordedApiRequest::method, RecordedApiRequest::path, RecordedApiRequest::query,
					RecordedApiRequest::validToken)
			.containsExactly("GET", "/cost/v1/aws/accounts", "groupId=g1", true);
		assertThat(requests.get(1).validToken()).isFalse();
		assertThat(requests.get(2).body()).contains("20240501");
		assertThat(requests.get(0).toString()).doesNotContain(token);
		assertThat(server.journal().apiRequestCount()).isEqualTo(3);
		assertThat(server.journal().tokenRequestCount()).isEqualTo(1);
	}

	@Test
	void resetClearsJournalCountersFaultsAndStubsButKeepsTokens() {
		String token = http.accessToken();
		http.get("/org/v1", token);
		server.stubs().stub("GET", "/cost/v1/aws/budgets").thenReturn("{}");
		server.faults().api().failNext(3).withStatus(500);

		server.reset();

		assertThat(server.journal().tokenRequests()).isEmpty();
		assertThat(server.journal().apiRequests()).isEmpty();
		assertThat(server.journal().tokenRequestCount()).isZero();
		assertThat(server.journal().apiRequestCount()).isZero();
		assertThat(server.faults().pending()).isEmpty();
		assertThat(http.get("/cost/v1/aws/budgets", token).statusCode()).isEqualTo(404);
		assertThat(http.get("/org/v1", token).statusCode()).isEqualTo(200);
	}

	@Test
	void countersAreExactUnder200ConcurrentTokenRequests() {
		WaveHttp.Multipart body = WaveHttp.Multipart.of(http.clientCredentialsForm());
		List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			futures.add(WaveHttp.CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(server.tokenUri()))
				.header("Content-Type", body.contentType())
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.body()))
				.build(), HttpResponse.BodyHandlers.ofString()));
		}

		List<HttpResponse<String>> responses = futures.stream().map(CompletableFuture::join).toList();

		assertThat(responses).allMatch(r -> r.statusCode() == 200);
		assertThat(responses.stream().map(r -> WaveHttp.json(r.body()).get("access_token").asString()).distinct())
			.hasSize(200);
		assertThat(server.journal().tokenRequestCount()).isEqualTo(200);
		assertThat(server.journal().tokenRequests()).hasSize(200);
	}

	@Test
	void handles1000ConcurrentApiRequestsWithExactCountsAndFaults() {
		String token = http.accessToken();
		server.faults().api().failNext(100).withStatus(503);
		List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			futures.add(WaveHttp.CLIENT.sendAsync(http.api("/iam/v1/whoami", token).GET().build(),
					HttpResponse.BodyHandlers.ofString()));
		}

		List<HttpResponse<String>> responses = futures.stream().map(CompletableFuture::join).toList();

		assertThat(responses.stream().filter(r -> r.statusCode() == 503)).hasSize(100);
		assertThat(responses.stream().filter(r -> r.statusCode() == 200)).hasSize(900);
		assertThat(server.journal().apiRequestCount()).isEqualTo(1000);
		assertThat(server.journal().apiRequests()).hasSize(1000).allMatch(RecordedApiRequest::validToken);
	}

}
