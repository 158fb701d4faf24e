package io.github.wavestarter.blue.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.github.wavestarter.blue.BlueApiClients;
import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.blue.GrpcCode;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.journal.RecordedApiRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The typed Cost, Billing, Cover and Operations clients against the emulator over
 * loopback HTTP: each calls the URL of the reference (service base + path), sends the
 * spec's field names, and decodes the answer (streams line by line) into the records. The
 * emulator runs on a fixed clock, 2026-11-15.
 */
class FinOpsApiHttpTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static MockWaveServer server;

	private static BlueApiClients clients;

	private CostApi cost;

	private BillingApi billing;

	@BeforeAll
	static void start() {
		server = MockWaveServer.builder()
			.clock(Clock.fixed(Instant.parse("2026-11-15T10:00:00Z"), ZoneOffset.UTC))
			.start();
		WebClient webClient = WebClient.builder()
			.baseUrl(server.baseUrl())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + server.tokens().issueAccessToken())
			.build();
		clients = BlueApiClients.create(webClient, BlueStreams.create(MAPPER, DataSize.ofMegabytes(1)));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void reset() {
		server.reset();
		this.cost = clients.createClient(CostApi.class);
		this.billing = clients.createClient(BillingApi.class);
	}

	private static RecordedApiRequest last() {
		return server.journal().lastApiRequest();
	}

	private static String target(RecordedApiRequest request) {
		return request.method() + " /m/blue" + request.path()
				+ (request.query().isEmpty() ? "" : "?" + request.query());
	}

	private static JsonNode body(RecordedApiRequest request) {
		return MAPPER.readTree(request.body());
	}

	// ---------------------------------------------------------------- Cost

	@Test
	void readAdjustmentsStreamsFeesAndCredits() {
		List<CostItem> rows = this.cost
			.readAdjustments("aws", ReadAdjustmentsRequest.of(null, "123456789012", "20261001", "20261031"))
			.collectList()
			.block(BLOCK);

		assertThat(target(last())).isEqualTo("POST /m/blue/cost/v1/aws/adjustments:read");
		assertThat(body(last()).propertyNames()).containsExactlyInAnyOrder("accountId", "startTime", "endTime");
		assertThat(rows).extracting((row) -> row.aws().type()).containsExactly("Fee", "Credit");
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.aws().account()).isEqualTo("123456789012");
			assertThat(row.aws().date()).isEqualTo("2026-10");
		});
		assertThat(rows.get(1).aws().cost()).isNegative();
	}

	@Test
	void readTagCostsAndNonTagCostsOfABillingGroup() {
		ReadTagCostsRequest tagged = new ReadTagCostsRequest("mock-billing-group-tags", "20261101", "20261102", null,
				new ReadTagCostsRequest.AwsOptions("tag-mock-billing-group-tags-prod", null, null, null, null, null,
						null, "JPY", null, null, null));
		List<CostItem> tagRows = this.cost.readTagCosts("aws", tagged).collectList().block(BLOCK);
		JsonNode sent = body(last());
		List<CostItem> nonTagRows = this.cost
			.readNonTagCosts("aws", ReadNonTagCostsRequest.of("mock-billing-group", "20261101", "20261101"))
			.collectList()
			.block(BLOCK);

		assertThat(sent.get("awsOptions").propertyNames()).containsExactlyInAnyOrder("tagId", "toCurrency");
		assertThat(tagRows).hasSize(2).allSatisfy((row) -> {
			assertThat(row.aws().tagId()).isEqualTo("tag-mock-billing-group-tags-prod");
			assertThat(row.aws().targetCurrency()).isEqualTo("JPY");
			assertThat(row.aws().targetCost()).isGreaterThan(row.aws().cost());
		});
		assertThat(target(last())).isEqualTo("POST /m/blue/cost/v1/aws/nontagcosts:read");
		assertThat(nonTagRows).extracting((row) -> row.aws().account())
			.containsExactly("123456789012", "234567890123", "345678901234");
	}

	@Test
	void aMissingBillingGroupIsInvalidArgument() {
		StepVerifier.create(this.cost.readTagCosts("aws", new ReadTagCostsRequest(null, null, null, null, null)))
			.expectErrorSatisfies((error) -> {
				assertThat(((BlueApiException) error).getGrpcCode()).isEqualTo(GrpcCode.INVALID_ARGUMENT);
				assertThat(((BlueApiException) error).getHttpStatus()).isEqualTo(400);
			})
			.verify(BLOCK);
	}

	@Test
	void readCostAttributes() {
		ReadCostAttributesRequest request = new ReadCostAttributesRequest(null, "123456789012", "20261101", "20261110",
				new ReadCostAttributesRequest.AwsOptions("productCode"), null);
		List<CostAttributeItem> rows = this.cost.readCostAttributes("aws", request).collectList().block(BLOCK);

		assertThat(target(last())).isEqualTo("POST /m/blue/cost/v1/aws/costattrs:read");
		assertThat(rows).isNotEmpty().allSatisfy((row) -> {
			assertThat(row.aws().account()).isEqualTo("123456789012");
			assertThat(row.aws().productCode()).isNotBlank();
			assertThat(row.aws().region()).as("only the dimensions asked for").isNull();
		});
	}

	@Test
	void payersAndTags() {
		List<Account> payers = this.cost.listPayerAccounts("aws", null).collectList().block(BLOCK);
		Payer payer = this.cost.getPayerAccount("aws", payers.get(0).id()).block(BLOCK);
		List<CostTag> tags = this.cost.listTags("aws", "mock-billing-group-tags", null).collectList().block(BLOCK);

		assertThat(payers).hasSize(1);
		assertThat(payer.id()).isEqualTo(payers.get(0).id());
		assertThat(payer.members()).extracting(Account::id).contains("123456789012");
		assertThat(tags).extracting(CostTag::billingInternalId).containsOnly("mock-billing-group-tags");
		assertThat(tags.get(0).tags()).extracting(KeyValue::key).containsExactly("env");
		assertThat(target(last())).isEqualTo("GET /m/blue/cost/v1/aws/tags?groupId=mock-billing-group-tags");
	}

	@Test
	void monthlyForecastsAreHistoricalBeforeTheCurrentMonth() {
		ForecastsResponse forecasts = this.cost.getForecasts("aws", null, "monthly", null, "2026-10-01", "2026-12-31")
			.block(BLOCK);

		assertThat(target(last()))
			.isEqualTo("GET /m/blue/cost/v1/aws/forecasts?frequency=monthly&fromDate=2026-10-01&toDate=2026-12-31");
		assertThat(forecasts.data().billingInternalId()).isEqualTo("mock-billing-group");
		assertThat(forecasts.data().data()).allSatisfy((point) -> {
			if (point.date().equals("2026-10")) {
				assertThat(point.historicalCost()).isPositive();
				assertThat(point.forecastedCost()).isNull();
			}
			else {
				assertThat(point.forecastedCost()).isBetween(point.lowerBound(), point.upperBound());
			}
		});
	}

	@Test
	void aCreatedAccountBudgetIsReadBack() {
		Budget budget = new Budget(null, "2026",
				List.of(new Budget.MonthlyBudget("202611", 1500.0), new Budget.MonthlyBudget("202612", 1800.0)));
		CreateAccountBudgetResponse created = this.cost
			.createAccountBudget("aws", "account", "123456789012", new CreateAccountBudgetRequest(budget))
			.block(BLOCK);
		JsonNode sent = body(last());
		AccountBudgetResponse read = this.cost.getAccountBudget("aws", "account", "123456789012", "2026").block(BLOCK);

		assertThat(sent.get("data").propertyNames()).containsExactlyInAnyOrder("fiscalYear", "monthlyBudget");
		assertThat(created.budgetId()).isNotBlank();
		assertThat(read.data().monthlyBudget()).extracting(Budget.MonthlyBudget::amount)
			.containsExactly(1500.0, 1800.0);
		assertThat(target(last())).isEqualTo("GET /m/blue/cost/v1/aws/budget/account/123456789012?year=2026");
	}

	@Test
	void budgetAlerts() {
		List<BudgetAlert> alerts = this.cost.readBudgetAlerts(new ReadBudgetAlertsRequest(null))
			.collectList()
			.block(BLOCK);

		assertThat(target(last())).isEqualTo("POST /m/blue/cost/v1/alerts:read");
		assertThat(last().body()).isEqualTo("{}");
		assertThat(alerts).isNotEmpty().allSatisfy((alert) -> {
			assertThat(alert.vendor()).isEqualTo("aws");
			assertThat(alert.accounts()).isNotEmpty();
			assertThat(alert.notification().channels()).isNotEmpty();
		});
		assertThat(alerts).anySatisfy((alert) -> assertThat(alert.monthly().value()).isPositive());
	}

	@Test
	void invoiceReadinessOfAClosedAndOfTheOpenMonth() {
		InvoiceReadiness closed = this.cost.getInvoiceReadiness("aws", "2026-10").block(BLOCK);
		InvoiceReadiness open = this.cost.getInvoiceReadiness("aws", "2026-11").block(BLOCK);

		assertThat(target(last())).isEqualTo("GET /m/blue/cost/v1/aws/reports/invoicereadiness?month=2026-11");
		assertThat(closed.ready()).isTrue();
		assertThat(open.ready()).as("proto3 omits false").isNull();
		assertThat(open.reason()).isNotBlank();
	}

	@Test
	void calculateCostsAnswersARunningOperationListedInTheHistory() {
		Operation started = this.cost.calculateCosts("aws", CalculateCostsRequest.of("mock-billing-group", "202610"))
			.block(BLOCK);
		JsonNode sent = body(last());
		CalculationsHistory history = this.cost.listCalculationsHistory("aws", "20261101", null).block(BLOCK);

		assertThat(sent.propertyNames()).containsExactlyInAnyOrder("groupId", "month");
		assertThat(started.name()).isNotBlank();
		assertThat(started.isDone()).isFalse();
		assertThat(started.metadata()).isNotNull();
		assertThat(history.aws().operations()).extracting(Operation::name).containsExactly(started.name());
		assertThat(target(last())).isEqualTo("GET /m/blue/cost/v1/aws/calculations/history?asOf=20261101");
	}

	@Test
	void exportReportAnswersAnOperationThatOperationsApiPolls() {
		Operation started = this.cost.exportReport(ExportReportRequest.aws("2026-10", List.of("ri-utilization")))
			.block(BLOCK);
		JsonNode sent = body(last());
		OperationsApi operations = clients.createClient(OperationsApi.class);
		Operation first = operations.getOperation(started.name()).block(BLOCK);
		Operation second = operations.getOperation(started.name()).block(BLOCK);

		assertThat(sent.propertyNames()).containsExactlyInAnyOrder("month", "vendor", "awsOptions");
		assertThat(sent.get("awsOptions").get("queries").get(0).asString()).isEqualTo("ri-utilization");
		assertThat(target(last())).isEqualTo("GET /m/blue/ops/v1/" + started.name());
		assertThat(first.isDone()).isFalse();
		assertThat(second.isDone()).as("done at the emulator's second poll (its default)").isTrue();
		assertThat(second.error()).isNull();
		assertThat(second.response().path("@type").asString()).endsWith("google.protobuf.Struct");
	}

	@Test
	void anUnknownOperationIsNotFound() {
		BlueApiException ex = catchThrowableOfType(BlueApiException.class,
				() -> clients.createClient(OperationsApi.class).getOperation("no-such-operation").block(BLOCK));

		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.NOT_FOUND);
	}

	// ---------------------------------------------------------------- Billing

	@Test
	void billingGroupsStreamedPaginatedAndOne() {
		List<BillingGroup> groups = this.billing.listBillingGroups().collectList().block(BLOCK);
		BillingGroupsPage page = this.billing.listBillingGroupsPaginated(2, 2).block(BLOCK);
		String pageTarget = target(last());
		BillingGroupResponse one = this.billing.getBillingGroup(groups.get(0).billingInternalId(), null).block(BLOCK);

		assertThat(groups).hasSizeGreaterThan(2);
		assertThat(groups.get(0).accounts()).isNotEmpty();
		assertThat(pageTarget).isEqualTo("GET /m/blue/billing/v1/billinggroups:paginated?pageSize=2&pageNumber=2");
		assertThat(page.currentPage()).isEqualTo(2);
		assertThat(page.totalCount()).isEqualTo(groups.size());
		assertThat(page.billingGroups()).hasSize(groups.size() - 2);
		assertThat(one.billingGroup().billingGroupName()).isEqualTo(groups.get(0).billingGroupName());
		assertThat(target(last()))
			.isEqualTo("GET /m/blue/billing/v1/billinggroups/" + groups.get(0).billingInternalId());
	}

	@Test
	void invoicesListedReadAndExported() {
		List<InvoiceSummary> invoices = this.billing.listInvoices(ListInvoicesRequest.of("202610"))
			.collectList()
			.block(BLOCK);
		Invoice invoice = this.billing.getInvoice("202610", new GetInvoiceRequest(invoices.get(0).billingInternalId()))
			.block(BLOCK);
		ExportInvoiceResponse export = this.billing
			.exportInvoiceFile("202610", new ExportInvoiceRequest(invoices.get(0).billingInternalId()))
			.block(BLOCK);

		assertThat(invoices).isNotEmpty();
		assertThat(invoices.get(0).isCreated()).isTrue();
		assertThat(invoices.get(0).billingAmountTotal()).startsWith("$");
		assertThat(invoice.aws().total()).extracting(Invoice.Amount::name).contains("total");
		assertThat(invoice.aws().settings().groupId()).isEqualTo(invoices.get(0).billingInternalId());
		assertThat(export.url()).contains("202610").endsWith(".csv");
		assertThat(target(last())).isEqualTo("POST /m/blue/billing/v1/invoice/202610:export");
	}

	@Test
	void invoiceAdjustmentsExchangeRatesAndResellers() {
		List<InvoiceAdjustment> adjustments = this.billing
			.readInvoiceAdjustments("aws", new ReadInvoiceAdjustmentsRequest("123456789012", "202610", "Credit"))
			.collectList()
			.block(BLOCK);
		ExchangeRates rates = this.billing.listExchangeRates("aws", "202610").block(BLOCK);
		String ratesTarget = target(last());
		List<Reseller> resellers = this.billing.listResellers(null).collectList().block(BLOCK);

		assertThat(adjustments).singleElement().satisfies((adjustment) -> {
			assertThat(adjustment.feeType()).isEqualTo("Credit");
			assertThat(adjustment.usageAccountId()).isEqualTo("123456789012");
		});
		assertThat(ratesTarget).isEqualTo("GET /m/blue/billing/v1/aws/exchangerate/202610");
		assertThat(rates.month()).isEqualTo("202610");
		assertThat(rates.common().aws()).extracting(ExchangeRates.Rate::currency).contains("JPY");
		assertThat(rates.payer().aws()).isNotEmpty();
		assertThat(resellers).isNotEmpty().allSatisfy((reseller) -> assertThat(reseller.groupId()).isNotBlank());
	}

	// ---------------------------------------------------------------- Cover

	@Test
	void anomalyAlertsListedAndOne() {
		CoverApi cover = clients.createClient(CoverApi.class);
		List<AnomalyAlert> alerts = cover.listAnomalyAlerts().collectList().block(BLOCK);
		String listTarget = target(last());
		AnomalyAlert one = cover.getAnomalyAlert(alerts.get(0).id()).block(BLOCK);

		assertThat(listTarget).isEqualTo("POST /m/blue/cover/v1/alerts/anomaly/all:read");
		assertThat(alerts).isNotEmpty();
		assertThat(one).isEqualTo(alerts.get(0));
		assertThat(one.costGroupId().id()).isNotBlank();
		assertThat(one.channels().email()).isNotEmpty();
	}

}
