package io.github.wavestarter.test;

import static io.github.wavestarter.test.BlueApiTests.assertGrpcError;
import static io.github.wavestarter.test.BlueApiTests.resultLines;
import static io.github.wavestarter.test.WaveHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The FinOps operations of the emulator over HTTP, on a fixed clock (2026-11-15): as
 * strict as the Blue API (wrong method, unknown and missing required fields, date formats
 * of the reference: {@code yyyymmdd}, {@code yyyymm}, {@code yyyy-mm},
 * {@code yyyy-mm-dd}), grpc-gateway error bodies, NDJSON streams, data derived from the
 * request, and long-running operations done at the K-th poll.
 */
class FinOpsEmulatorTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-15T10:00:00Z"), ZoneOffset.UTC);

	private MockWaveServer server;

	private WaveHttp http;

	private String token;

	@BeforeEach
	void start() {
		this.server = MockWaveServer.builder().clock(CLOCK).operationPolls(3).start();
		this.http = new WaveHttp(this.server);
		this.token = this.http.accessToken();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private HttpResponse<String> post(String path, String json) {
		return this.http.post(path, this.token, json);
	}

	private HttpResponse<String> get(String path) {
		return this.http.get(path, this.token);
	}

	private static void assertRefused(HttpResponse<String> response, int status, int code, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertGrpcError(response.body(), code);
		assertThat(json(response.body()).get("message").asString()).contains(message);
	}

	@ParameterizedTest
	@CsvSource({ "GET,/cost/v1/aws/costs:calculate", "PUT,/cost/v1/alerts:read", "GET,/billing/v1/invoice:read",
			"POST,/billing/v1/billinggroups:paginated", "POST,/ops/v1/op-1", "DELETE,/cover/v1/alerts/anomaly/all:read",
			"GET,/cost/v1/reports:export" })
	void aWrongMethodIsUnimplemented(String method, String path) {
		HttpResponse<String> response = WaveHttp.send(this.http.api(path, this.token)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"))
			.build());

		assertRefused(response, 501, 12, "Method Not Allowed");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "/cost/v1/aws/tagcosts:read|{}|billingInternalId is required",
					"/cost/v1/aws/nontagcosts:read|{\"startTime\":\"20261101\"}|billingInternalId is required",
					"/billing/v1/invoice/202610:read|{}|groupId is required",
					"/billing/v1/aws/invoiceadjustments:read|{\"month\":\"202610\"}|accountId is required",
					"/billing/v1/invoice:read|{}|date is required",
					"/cost/v1/reports:export|{\"awsOptions\":{\"queries\":[\"ri\"]}}|month is required",
					"/cost/v1/reports:export|{\"month\":\"2026-10\"}|queries must contain at least 1 value" })
	void aMissingRequiredFieldIsInvalidArgument(String path, String body, String message) {
		assertRefused(post(path, body), 400, 3, message);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"/cost/v1/aws/adjustments:read|{\"startTime\":\"2026-11-01\"}|startTime must have the format yyyymmdd",
			"/cost/v1/aws/adjustments:read|{\"startTime\":\"20261131\"}|startTime is not a valid date",
			"/cost/v1/aws/tagcosts:read|{\"billingInternalId\":\"mock-billing-group-tags\",\"endTime\":\"202611\"}|endTime must have the format yyyymmdd",
			"/cost/v1/aws/costs:calculate|{\"month\":\"2026-10\"}|month must have the format yyyymm",
			"/cost/v1/aws/costs:calculate|{\"month\":\"202613\"}|month is not a valid month",
			"/cost/v1/reports:export|{\"month\":\"202610\",\"awsOptions\":{\"queries\":[\"ri\"]}}|month must have the format yyyy-mm",
			"/billing/v1/aws/invoiceadjustments:read|{\"accountId\":\"1\",\"month\":\"2026-10\"}|month must have the format yyyymm" })
	void aMalformedDateInABodyIsInvalidArgument(String path, String body, String message) {
		assertRefused(post(path, body), 400, 3, message);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "/billing/v1/invoice/2026-10:read|date must have the format yyyymm",
			"/billing/v1/invoice/202600:export|date is not a valid month" })
	void aMalformedMonthInThePathIsInvalidArgument(String path, String message) {
		assertRefused(post(path, "{\"groupId\":\"mock-billing-group\"}"), 400, 3, message);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "/cost/v1/aws/reports/invoicereadiness|month is required",
					"/cost/v1/aws/reports/invoicereadiness?month=202610|month must have the format yyyy-mm",
					"/cost/v1/aws/forecasts?fromDate=20261101|fromDate must have the format yyyy-mm-dd",
					"/cost/v1/aws/forecasts?frequency=weekly|frequency must be daily or monthly",
					"/cost/v1/aws/budget/account/123456789012?year=26|year must have the format yyyy",
					"/cost/v1/aws/budget/org/123456789012|level must be account or acctgroup",
					"/cost/v1/aws/calculations/history?asOf=2026-11-01|asOf must have the format yyyymmdd",
					"/billing/v1/aws/exchangerate/2026-10|month must have the format yyyymm",
					"/billing/v1/billinggroups:paginated?pageSize=0|pageSize must be between 1 and 1000",
					"/billing/v1/billinggroups:paginated?pageSize=ten|invalid value for int32 field pageSize",
					"/billing/v1/billinggroups?vendors=aws,oracle|unsupported vendor: oracle" })
	void aMalformedQueryOrPathIsInvalidArgument(String path, String message) {
		assertRefused(get(path), 400, 3, message);
	}

	@Test
	void unknownFieldsUnsupportedVendorsAndUnknownIdsAreRefused() {
		assertRefused(post("/cost/v1/aws/adjustments:read", "{\"start\":\"20261101\"}"), 400, 3,
				"unknown field \"start\"");
		assertRefused(
				post("/cost/v1/aws/tagcosts:read",
						"{\"billingInternalId\":\"mock-billing-group-tags\",\"awsOptions\":{\"tagid\":\"x\"}}"),
				400, 3, "unknown field \"awsOptions.tagid\"");
		assertRefused(post("/cost/v1/gcp/tagcosts:read", "{\"billingInternalId\":\"mock-billing-group\"}"), 400, 3,
				"unsupported vendor: gcp");
		assertRefused(post("/billing/v1/invoice/202610:read", "{\"groupId\":\"nope\"}"), 404, 5,
				"billing group not found");
		assertRefused(get("/billing/v1/billinggroups/nope"), 404, 5, "billing group not found");
		assertRefused(get("/cover/v1/alerts/anomaly/nope"), 404, 5, "anomaly alert not found");
		assertRefused(get("/cost/v1/aws/payers/1"), 404, 5, "payer account not found");
		assertRefused(post("/billing/v1/invoice:read", "[]"), 400, 3, "must be a JSON object");
	}

	@Test
	void streamsAreResultLinesDerivedFromTheRequest() {
		String body = "{\"billingInternalId\":\"mock-billing-group-tags\",\"startTime\":\"20261101\",\"endTime\":\"20261103\"}";
		HttpResponse<String> first = post("/cost/v1/aws/tagcosts:read", body);
		HttpResponse<String> again = post("/cost/v1/aws/tagcosts:read", body);

		List<JsonNode> rows = resultLines(first.body());
		// two tags of the tag billing group, three days
		assertThat(rows).hasSize(6);
		assertThat(rows).extracting((row) -> row.get("aws").get("date").asString())
			.containsOnly("2026-11-01", "2026-11-02", "2026-11-03");
		assertThat(rows).extracting((row) -> row.get("aws").get("tagId").asString())
			.containsOnly("tag-mock-billing-group-tags-prod", "tag-mock-billing-group-tags-dev");
		assertThat(again.body()).isEqualTo(first.body());
		String otherMonth = post("/cost/v1/aws/tagcosts:read",
				"{\"billingInternalId\":\"mock-billing-group-tags\",\"startTime\":\"20261001\",\"endTime\":\"20261003\"}")
			.body();
		assertThat(otherMonth).isNotEqualTo(first.body());
	}

	@Test
	void adjustmentsAreOneFeeAndOneCreditPerAccountAndMonth() {
		List<JsonNode> rows = resultLines(
				post("/cost/v1/aws/adjustments:read", "{\"startTime\":\"20261001\",\"endTime\":\"20261115\"}").body());

		assertThat(rows).hasSize(2 * 3 * 2);
		assertThat(rows).allSatisfy((row) -> assertThat(row.get("aws").get("date").asString()).matches("2026-1[01]"));
		assertThat(rows).extracting((row) -> row.get("aws").get("type").asString()).containsOnly("Fee", "Credit");
	}

	@Test
	void aLongRunningOperationIsDoneAtTheKthPoll() {
		JsonNode started = json(post("/cost/v1/aws/costs:calculate", "{\"month\":\"202610\"}").body());
		String name = started.get("name").asString();

		assertThat(name).isEqualTo("costs-calculate-aws-202610-1");
		assertThat(started.has("done")).as("proto3 omits done=false").isFalse();
		JsonNode poll1 = json(get("/ops/v1/" + name).body());
		JsonNode poll2 = json(get("/ops/v1/" + name).body());
		JsonNode poll3 = json(get("/ops/v1/" + name).body());
		assertThat(poll1.has("done")).isFalse();
		assertThat(poll2.has("done")).isFalse();
		assertThat(poll3.get("done").asBoolean()).isTrue();
		assertThat(poll3.get("response").get("@type").asString())
			.isEqualTo("type.googleapis.com/google.protobuf.Struct");
		assertThat(poll3.get("response").get("value").get("month").asString()).isEqualTo("202610");
		assertThat(poll3.has("error")).isFalse();
		assertRefused(get("/ops/v1/nope"), 404, 5, "operation not found");
	}

	@Test
	void calculatingTheOpenMonthFailsWithFailedPrecondition() {
		String name = json(post("/cost/v1/aws/costs:calculate", "{\"month\":\"202611\"}").body()).get("name")
			.asString();
		get("/ops/v1/" + name);
		get("/ops/v1/" + name);
		JsonNode done = json(get("/ops/v1/" + name).body());

		assertThat(done.get("done").asBoolean()).isTrue();
		assertThat(done.get("error").get("code").asInt()).isEqualTo(9);
		assertThat(done.has("response")).isFalse();
		assertRefused(post("/cost/v1/aws/costs:calculate", "{\"month\":\"202612\"}"), 400, 3, "future");
	}

	@Test
	void theHistoryListsTheCalculationsAndResetStartsNamesAgain() {
		post("/cost/v1/aws/costs:calculate", "{\"month\":\"202610\"}");
		post("/cost/v1/aws/costs:calculate", "{\"month\":\"202609\",\"groupId\":\"mock-billing-group\"}");
		post("/cost/v1/reports:export", "{\"month\":\"2026-10\",\"awsOptions\":{\"queries\":[\"ri-utilization\"]}}");

		JsonNode history = json(get("/cost/v1/aws/calculations/history").body());
		assertThat(history.get("aws").get("operations")).extracting((op) -> op.get("name").asString())
			.containsExactly("costs-calculate-aws-202610-1", "costs-calculate-aws-202609-2");
		assertThat(json(get("/cost/v1/aws/calculations/history?asOf=20261116").body()).get("aws").get("operations"))
			.isEmpty();
		this.server.reset();
		assertThat(json(post("/cost/v1/aws/costs:calculate", "{}").body()).get("name").asString())
			.isEqualTo("costs-calculate-aws-202610-1");
	}

	@Test
	void aCreatedBudgetIsReadBack() {
		String budget = "{\"data\":{\"fiscalYear\":\"2026\",\"monthlyBudget\":[{\"yearMonth\":\"202611\",\"amount\":1200.5}]}}";
		JsonNode created = json(post("/cost/v1/aws/budget/account/123456789012", budget).body());
		JsonNode read = json(get("/cost/v1/aws/budget/account/123456789012?year=2026").body());

		assertThat(created.get("budgetId").asString()).isEqualTo("budget-aws-account-123456789012-2026");
		assertThat(read.get("data").get("monthlyBudget")).hasSize(1);
		assertThat(read.get("data").get("monthlyBudget").get(0).get("amount").asDouble()).isEqualTo(1200.5);
		assertRefused(post("/cost/v1/aws/budget/account/123456789012",
				"{\"data\":{\"fiscalYear\":\"2026\",\"monthlyBudget\":[{\"yearMonth\":\"202701\",\"amount\":1}]}}"),
				400, 3, "not in fiscalYear");
		assertRefused(post("/cost/v1/aws/budget/account/999", budget), 404, 5, "account not found");
	}

	@Test
	void billingGroupsArePaginated() {
		JsonNode first = json(get("/billing/v1/billinggroups:paginated?pageSize=2").body());
		JsonNode second = json(get("/billing/v1/billinggroups:paginated?pageSize=2&pageNumber=2").body());

		assertThat(first.get("billingGroups")).hasSize(2);
		assertThat(first.get("totalCount").asInt()).isEqualTo(3);
		assertThat(first.get("totalPages").asInt()).isEqualTo(2);
		assertThat(second.get("billingGroups")).hasSize(1);
		assertThat(second.get("currentPage").asInt()).isEqualTo(2);
		assertThat(resultLines(get("/billing/v1/billinggroups").body())).hasSize(3);
	}

	@Test
	void invoiceReadinessFollowsTheClock() {
		assertThat(json(get("/cost/v1/aws/reports/invoicereadiness?month=2026-10").body()).get("ready").asBoolean())
			.isTrue();
		JsonNode open = json(get("/cost/v1/aws/reports/invoicereadiness?month=2026-11").body());
		assertThat(open.has("ready")).isFalse();
		assertThat(open.get("reason").asString()).contains("2026-11");
	}

}
