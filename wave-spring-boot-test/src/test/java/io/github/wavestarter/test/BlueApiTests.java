package io.github.wavestarter.test;

import static io.github.wavestarter.test.WaveHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import io.github.wavestarter.test.journal.RecordedApiRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class BlueApiTests extends EmulatorFixture {

	@Test
	void whoamiReturnsTheCaller() {
		HttpResponse<String> response = http.get("/iam/v1/whoami", token);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode user = json(response.body());
		assertThat(user.get("id").asString()).isEqualTo(server.clientId());
		assertThat(user.get("metadata").isObject()).isTrue();
	}

	@Test
	void orgReturnsTheOrganization() {
		JsonNode org = json(http.get("/org/v1", token).body());

		assertThat(org.get("name").asString()).isEqualTo("mock-org");
		assertThat(org.get("email").asString()).contains("@");
	}

	@Test
	void accountsAreStreamedAsResultLines() {
		HttpResponse<String> response = http.get("/cost/v1/aws/accounts", token);

		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> results = resultLines(response.body());
		assertThat(results).extracting(r -> r.get("id").asString())
			.containsExactly("123456789012", "234567890123", "345678901234");
		assertThat(results.get(0).get("vendor").asString()).isEqualTo("aws");
		assertThat(results.get(0).get("metadata").get(0).get("key").asString()).isEqualTo("environment");
	}

	@Test
	void accountByIdAndUnknownAccount() {
		HttpResponse<String> found = http.get("/cost/v1/aws/accounts/234567890123", token);
		HttpResponse<String> missing = http.get("/cost/v1/aws/accounts/999999999999", token);

		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(json(found.body()).get("name").asString()).isEqualTo("staging");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertGrpcError(missing.body(), 5);
	}

	@Test
	void costsAreStreamedWithSpecFieldsAndDatesInsideTheRequestedRange() {
		HttpResponse<String> response = http.post("/cost/v1/aws/costs:read", token,
				"{\"startTime\":\"20240501\",\"endTime\":\"20240531\",\"accountId\":\"123456789012,234567890123\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Length")).isEmpty();
		List<JsonNode> rows = resultLines(response.body()).stream().map(r -> r.get("aws")).toList();
		assertThat(rows).hasSize(31 * 2 * 7);
		assertThat(rows).extracting(r -> r.get("account").asString()).containsOnly("123456789012", "234567890123");
		assertThat(rows).extracting(r -> r.get("productCode").asString())
			.contains("AmazonEC2", "AmazonS3", "AWSLambda");
		for (JsonNode row : rows) {
			LocalDate date = LocalDate.parse(row.get("date").asString());
			assertThat(date).isBetween(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31));
			assertThat(row.get("cost").isNumber()).isTrue();
			assertThat(row.get("cost").asDouble()).isPositive();
			assertThat(row.get("timestamp").isString()).isTrue();
			assertThat(row.get("baseCurrency").asString()).isEqualTo("USD");
		}
	}

	@Test
	void costsAreDeterministic() {
		String request = "{\"startTime\":\"20240201\",\"endTime\":\"20240229\"}";
		String first = http.post("/cost/v1/aws/costs:read", token, request).body();
		String second = http.post("/cost/v1/aws/costs:read", token, request).body();
		String otherMonth = http
			.post("/cost/v1/aws/costs:read", token, "{\"startTime\":\"20240301\",\"endTime\":\"20240331\"}")
			.body();

		assertThat(first).isEqualTo(second).isNotEqualTo(otherMonth);
		assertThat(first.lines()).hasSize(29 * 3 * 7);
	}

	@Test
	void costRowCountIsConfigurableAndCurrencyConversionApplies() {
		server.setCostRowsPerRequest(1000);

		HttpResponse<String> response = http.post("/cost/v1/aws/costs:read", token,
				"{\"startTime\":\"20240101\",\"endTime\":\"20240110\",\"awsOptions\":{\"toCurrency\":\"JPY\"}}");

		List<JsonNode> rows = resultLines(response.body()).stream().map(r -> r.get("aws")).toList();
		assertThat(rows).hasSize(1000);
		JsonNode row = rows.get(0);
		assertThat(row.get("targetCurrency").asString()).isEqualTo("JPY");
		assertThat(row.get("targetCost").asDouble()).isGreaterThan(row.get("cost").asDouble() * 100);
		assertThat(rows).extracting(r -> r.get("date").asString()).allMatch(d -> d.startsWith("2024-01-"));
	}

	@Test
	void invalidCostRequestsAreInvalidArgument() {
		for (String body : List.of("{\"startTime\":\"2024-05-01\"}", "{\"unknownField\":1}", "{not json",
				"{\"startTime\":\"20240510\",\"endTime\":\"20240501\"}")) {
			HttpResponse<String> response = http.post("/cost/v1/aws/costs:read", token, body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertGrpcError(response.body(), 3);
		}
	}

	@Test
	void missingOrUnknownTokenIsUnauthenticated() {
		HttpResponse<String> missing = http.get("/iam/v1/whoami", null);
		HttpResponse<String> unknown = http.get("/iam/v1/whoami", "eyJhbGciOiJub25lIn0.e30.forged");

		assertThat(missing.statusCode()).isEqualTo(401);
		assertGrpcError(missing.body(), 16);
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertGrpcError(unknown.body(), 16);
		assertThat(unknown.body()).doesNotContain("forged");
	}

	@Test
	void unknownPathIsNotFoundAndWrongMethodIsUnimplemented() {
		HttpResponse<String> unknown = http.get("/cost/v1/aws/nothing-here", token);
		HttpResponse<String> wrongMethod = http.post("/iam/v1/whoami", token, "{}");

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertGrpcError(unknown.body(), 5);
		assertThat(wrongMethod.statusCode()).isEqualTo(501);
		assertGrpcError(wrongMethod.body(), 12);
	}

	@Test
	void stubsAnswerUnaryStreamAndErrorResponses() {
		server.stubs().stub("GET", "/cost/v1/aws/budgets").thenReturn(Map.of("budgets", List.of()));
		server.stubs()
			.stub("GET", "/cost/v1/{vendor}/invoices")
			.thenStream(List.of(Map.of("id", "i-1"), "{\"id\":\"i-2\"}"));
		server.stubs().stub("GET", "/org/v1").thenGrpcError(7, "not allowed");

		assertThat(json(http.get("/cost/v1/aws/budgets", token).body()).get("budgets").isArray()).isTrue();
		assertThat(resultLines(http.get("/cost/v1/gcp/invoices", token).body())).extracting(r -> r.get("id").asString())
			.containsExactly("i-1", "i-2");
		HttpResponse<String> denied = http.get("/org/v1", token);
		assertThat(denied.statusCode()).isEqualTo(403);
		assertGrpcError(denied.body(), 7);
		assertThat(http.get("/cost/v1/aws/budgets", null).statusCode()).isEqualTo(401);
	}

	@Test
	void revokeAllTokensMakesTheApiAnswer401() {
		String own = http.accessToken();
		assertThat(http.get("/iam/v1/whoami", own).statusCode()).isEqualTo(200);

		server.tokens().revokeAll();

		HttpResponse<String> response = http.get("/iam/v1/whoami", own);
		assertThat(response.statusCode()).isEqualTo(401);
		assertGrpcError(response.body(), 16);
		token = http.accessToken();
	}

	@Test
	void tokensExpireAfterExpiresIn() throws Exception {
		try (MockWaveServer shortLived = MockWaveServer.builder().tokenExpiresIn(Duration.ofSeconds(1)).start()) {
			WaveHttp client = new WaveHttp(shortLived);
			HttpResponse<String> tokenResponse = client.tokenMultipart(client.clientCredentialsForm());
			assertThat(json(tokenResponse.body()).get("expires_in").asLong()).isEqualTo(1);
			String shortToken = json(tokenResponse.body()).get("access_token").asString();
			assertThat(client.get("/iam/v1/whoami", shortToken).statusCode()).isEqualTo(200);

			Thread.sleep(1200);

			HttpResponse<String> expired = client.get("/iam/v1/whoami", shortToken);
			assertThat(expired.statusCode()).isEqualTo(401);
			assertGrpcError(expired.body(), 16);
			assertThat(shortLived.journal().lastApiRequest().validToken()).isFalse();
		}
	}

	@Test
	void expiresInCanBeZeroOrOmitted() {
		try (MockWaveServer zero = MockWaveServer.builder().tokenExpiresIn(Duration.ZERO).start();
				MockWaveServer omitted = MockWaveServer.builder().omitExpiresIn().start()) {
			WaveHttp zeroClient = new WaveHttp(zero);
			WaveHttp omittedClient = new WaveHttp(omitted);
			JsonNode zeroBody = json(zeroClient.tokenMultipart(zeroClient.clientCredentialsForm()).body());
			JsonNode omittedBody = json(omittedClient.tokenMultipart(omittedClient.clientCredentialsForm()).body());

			assertThat(zeroBody.get("expires_in").asLong()).isZero();
			assertThat(omittedBody.has("expires_in")).isFalse();
			assertThat(zeroClient.get("/org/v1", zeroBody.get("access_token").asString()).statusCode()).isEqualTo(200);
		}
	}

	static List<JsonNode> resultLines(String body) {
		assertThat(body).endsWith("\n");
		return Arrays.stream(body.split("\n")).map(line -> {
			JsonNode node = json(line);
			assertThat(node.propertyNames()).containsExactly("result");
			return node.get("result");
		}).toList();
	}

	static void assertGrpcError(String body, int code) {
		JsonNode error = json(body);
		assertThat(error.get("code").asInt()).isEqualTo(code);
		assertThat(error.get("message").asString()).isNotBlank();
		assertThat(error.get("details").isArray()).isTrue();
	}

	/**
	 * The emulator serves every Blue API service under its real base and nothing else: a
	 * path of the earlier flat tree ({@code /m/blue/v1/...}) gets grpc-gateway's 404, as
	 * Alphaus answers it.
	 */
	@Nested
	class RealPaths {

		private static final String NOT_FOUND = "{\"code\":5,\"message\":\"Not Found\",\"details\":[]}";

		@Test
		void costIsServedUnderItsBaseOnly() {
			HttpResponse<String> real = http.get("/cost/v1/aws/accounts", token);
			HttpResponse<String> flat = http.get("/v1/aws/accounts", token);
			HttpResponse<String> flatCosts = http.post("/v1/aws/costs:read", token, "{}");

			assertThat(real.statusCode()).isEqualTo(200);
			assertThat(flat.statusCode()).isEqualTo(404);
			assertThat(flat.body()).isEqualTo(NOT_FOUND);
			assertThat(flatCosts.statusCode()).isEqualTo(404);
			assertThat(flatCosts.body()).isEqualTo(NOT_FOUND);
			assertThat(server.journal().apiRequests()).extracting(RecordedApiRequest::path)
				.containsExactly("/cost/v1/aws/accounts", "/v1/aws/accounts", "/v1/aws/costs:read");
		}

		@Test
		void servicesAtTheRootAreServedUnderTheirOwnSegmentOnly() {
			assertThat(http.get("/iam/v1/whoami", token).statusCode()).isEqualTo(200);
			assertThat(http.get("/org/v1", token).statusCode()).isEqualTo(200);
			assertThat(http.get("/cost/iam/v1/whoami", token).body()).isEqualTo(NOT_FOUND);
			assertThat(http.get("/cost/org/v1", token).body()).isEqualTo(NOT_FOUND);
			assertThat(http.get("/v1/org", token).body()).isEqualTo(NOT_FOUND);
		}

		@Test
		void anUnknownPathIsNotFoundWhateverTheToken() {
			for (String token : new String[] { token, null, "not-a-token" }) {
				for (String path : List.of("/v1/aws/accounts", "/cost/v1/aws/nothing-here", "/nothing", "/")) {
					HttpResponse<String> response = http.get(path, token);
					assertThat(response.statusCode()).as(path).isEqualTo(404);
					assertThat(response.body()).as(path).isEqualTo(NOT_FOUND);
				}
			}
			assertThat(http.get("/cost/v1/aws/accounts", null).statusCode()).isEqualTo(401);
		}

		@Test
		void stubsAndFaultsAreAcceptedAtRealPathsOnly() {
			server.stubs()
				.stub("GET", "/billing/v1/billinggroups")
				.thenStream(List.of(Map.of("billingInternalId", "bg-1")));
			server.stubs().stub("GET", "/gc/v1/commitments").thenReturn("{}");
			server.stubs().stub("GET", "/admin/v1/acctgroups/{id}").thenReturn("{}");

			assertThat(json(http.get("/billing/v1/billinggroups", token).body().lines().findFirst().orElseThrow())
				.path("result")
				.path("billingInternalId")
				.asString()).isEqualTo("bg-1");
			assertThat(http.get("/gc/v1/commitments", token).statusCode()).isEqualTo(200);
			assertThat(http.get("/admin/v1/acctgroups/g1", token).statusCode()).isEqualTo(200);
			assertThat(http.get("/v1/billinggroups", token).body()).isEqualTo(NOT_FOUND);
			assertThatIllegalArgumentException().isThrownBy(() -> server.stubs().stub("GET", "/v1/billinggroups"))
				.withMessageContaining("No Blue API service serves /v1/billinggroups")
				.withMessageContaining("Billing /billing/");
			assertThatIllegalArgumentException().isThrownBy(() -> server.stubs().stub("POST", "/v1/aws/costs:read"))
				.withMessageContaining("/cost/v1/aws/costs:read");
			assertThatIllegalArgumentException().isThrownBy(() -> server.faults().api("/v1/{vendor}/accounts"));
			assertThatIllegalArgumentException().isThrownBy(() -> server.stubs().stub("GET", "/cost"));
		}

	}

	/**
	 * {@code costs:read} takes dates as Alphaus documents them, {@code yyyymmdd} or
	 * {@code yyyymm}, and refuses anything else with {@code INVALID_ARGUMENT}.
	 */
	@Nested
	class CostDates {

		@Test
		void daysAreYyyymmdd() {
			List<String> dates = dates("{\"startTime\":\"20240228\",\"endTime\":\"20240301\"}");

			assertThat(dates).containsOnly("2024-02-28", "2024-02-29", "2024-03-01");
		}

		@Test
		void monthsAreYyyymmFromTheFirstToTheLastDay() {
			List<String> dates = dates("{\"startTime\":\"202402\",\"endTime\":\"202402\"}");

			assertThat(dates).hasSize(29 * 3 * 7).contains("2024-02-01", "2024-02-29");
		}

		@ParameterizedTest
		@ValueSource(strings = { "\"2024-05-01\"", "\"2024-05\"", "\"2024051\"", "\"20240230\"", "\"202413\"",
				"\"20240501T00\"", "20240501", "\"May 2024\"" })
		void otherFormatsAreInvalidArgument(String startTime) {
			HttpResponse<String> response = http.post("/cost/v1/aws/costs:read", token,
					"{\"startTime\":" + startTime + ",\"endTime\":\"20240531\"}");

			assertThat(response.statusCode()).isEqualTo(400);
			JsonNode error = json(response.body());
			assertThat(error.path("code").asInt()).isEqualTo(3);
			assertThat(error.path("message").asString()).startsWith("startTime ");
		}

		@Test
		void anInvalidEndTimeIsNamed() {
			HttpResponse<String> response = http.post("/cost/v1/aws/costs:read", token,
					"{\"startTime\":\"20240501\",\"endTime\":\"2024-05-31\"}");

			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(json(response.body()).path("message").asString())
				.isEqualTo("endTime must have the format yyyymmdd or yyyymm, got \"2024-05-31\"");
		}

		private List<String> dates(String body) {
			HttpResponse<String> response = http.post("/cost/v1/aws/costs:read", token, body);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return response.body()
				.lines()
				.map((line) -> json(line).path("result").path("aws").path("date").asString())
				.toList();
		}

	}

}
