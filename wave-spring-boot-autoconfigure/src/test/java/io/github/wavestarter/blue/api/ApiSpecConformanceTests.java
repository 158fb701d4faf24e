package io.github.wavestarter.blue.api;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.wavestarter.autoconfigure.WaveProperties;
import io.github.wavestarter.testsupport.BlueApiSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.HttpExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every typed {@code @HttpExchange} method and record against the Blue API
 * reference ({@link BlueApiSpec}; skipped where the file is absent): the URL a typed
 * client calls, relative to {@code wave.base-url}, is the service base from the tag's
 * description followed by the operation's path, with the same method, path variables,
 * query parameters, body and answer types, and every record component is a field of the
 * spec's definition.
 */
class ApiSpecConformanceTests {

	private static final List<Class<?>> APIS = List.of(IamApi.class, OrgApi.class, CostApi.class, BillingApi.class,
			CoverApi.class, OperationsApi.class);

	private static final Map<Class<?>, String> RECORDS = Map.ofEntries(Map.entry(ApiUser.class, "blueapiApiUser"),
			Map.entry(Org.class, "apiRippleOrg"), Map.entry(Account.class, "blueapiApiAccount"),
			Map.entry(KeyValue.class, "apiKeyValue"), Map.entry(CostItem.class, "blueapiCostV1CostItem"),
			Map.entry(AwsCost.class, "apiAwsCost"), Map.entry(GcpCost.class, "apiGcpCost"),
			Map.entry(AzureCost.class, "apiAzureCost"), Map.entry(ReadCostsRequest.class, "CostReadCostsBody"),
			Map.entry(AwsOptions.class, "v1ReadCostsRequestAwsOptions"),
			Map.entry(GcpOptions.class, "v1ReadCostsRequestGcpOptions"),
			Map.entry(AzureOptions.class, "v1ReadCostsRequestAzureOptions"),
			Map.entry(ReadAdjustmentsRequest.class, "CostReadAdjustmentsBody"),
			Map.entry(ReadAdjustmentsRequest.AwsOptions.class, "v1ReadAdjustmentsRequestAwsOptions"),
			Map.entry(ReadTagCostsRequest.class, "CostReadTagCostsBody"),
			Map.entry(ReadTagCostsRequest.AwsOptions.class, "v1ReadTagCostsRequestAwsOptions"),
			Map.entry(ReadNonTagCostsRequest.class, "CostReadNonTagCostsBody"),
			Map.entry(ReadCostAttributesRequest.class, "CostReadCostAttributesBody"),
			Map.entry(ReadCostAttributesRequest.AwsOptions.class, "v1ReadCostAttributesRequestAwsOptions"),
			Map.entry(ReadCostAttributesRequest.AzureOptions.class, "v1ReadCostAttributesRequestAzureOptions"),
			Map.entry(CostAttributeItem.class, "v1CostAttributeItem"),
			Map.entry(CostAttributeItem.Aws.class, "apiAwsCostAttribute"),
			Map.entry(CostAttributeItem.Azure.class, "apiAzureCostAttribute"), Map.entry(Payer.class, "ripplePayer"),
			Map.entry(CostTag.class, "apiCostTag"), Map.entry(ForecastsResponse.class, "v1GetForecastsResponse"),
			Map.entry(ForecastsResponse.BillingGroupForecast.class, "apiBillingGroupForecast"),
			Map.entry(ForecastsResponse.ForecastData.class, "apiForecastData"),
			Map.entry(Budget.class, "blueapiApiBudget"), Map.entry(Budget.MonthlyBudget.class, "apiMonthlyBudget"),
			Map.entry(AccountBudgetResponse.class, "v1GetAccountBudgetResponse"),
			Map.entry(CreateAccountBudgetRequest.class, "CostCreateAccountBudgetBody"),
			Map.entry(CreateAccountBudgetResponse.class, "v1CreateAccountBudgetResponse"),
			Map.entry(ReadBudgetAlertsRequest.class, "v1ReadBudgetAlertsRequest"),
			Map.entry(BudgetAlert.class, "v1BudgetAlerts"),
			Map.entry(BudgetAlert.Notification.class, "apiBudgetAlertNotificationDetail"),
			Map.entry(BudgetAlert.Channel.class, "apiNotificationChannel"),
			Map.entry(BudgetAlert.Threshold.class, "apiDailyBudgetAlert"),
			Map.entry(BudgetAlert.CustomPeriod.class, "apiCustomPeriodBudgetAlert"),
			Map.entry(BudgetAlert.CustomMonth.class, "apiCustomMonthBudgetAlert"),
			Map.entry(CalculateCostsRequest.class, "CostCalculateCostsBody"),
			Map.entry(CalculateCostsRequest.AwsOptions.class, "v1CalculateCostsRequestAwsOptions"),
			Map.entry(Operation.class, "protosOperation"), Map.entry(Operation.Status.class, "rpcStatus"),
			Map.entry(CalculationsHistory.class, "v1ListCalculationsHistoryResponse"),
			Map.entry(CalculationsHistory.Aws.class, "v1ListCalculationsHistoryAwsResponse"),
			Map.entry(ExportReportRequest.class, "v1ExportReportRequest"),
			Map.entry(ExportReportRequest.AwsOptions.class, "v1AwsExportReportOptions"),
			Map.entry(ExportReportRequest.Columns.class, "AwsExportReportOptionsColumns"),
			Map.entry(InvoiceReadiness.class, "v1GetInvoiceReadinessResponse"),
			Map.entry(BillingGroup.class, "billingV1BillingGroup"),
			Map.entry(BillingGroupsPage.class, "v1ListBillingGroupsPaginatedResponse"),
			Map.entry(BillingGroupsPage.Item.class, "v1BillingGroupListItem"),
			Map.entry(BillingGroupsPage.Vendor.class, "BillingGroupListItemBillingGroupVendor"),
			Map.entry(BillingGroupResponse.class, "v1GetBillingGroupResponse"),
			Map.entry(ListInvoicesRequest.class, "v1ListInvoiceRequest"),
			Map.entry(InvoiceSummary.class, "v1ListInvoiceResponse"),
			Map.entry(GetInvoiceRequest.class, "BillingGetInvoiceBody"), Map.entry(Invoice.class, "apiInvoice"),
			Map.entry(Invoice.VendorDetail.class, "apiVendorDetail"),
			Map.entry(Invoice.Amount.class, "apiInvoiceTotal"),
			Map.entry(Invoice.Settings.class, "blueapiApiInvoiceSettings"),
			Map.entry(ExportInvoiceRequest.class, "BillingExportInvoiceFileBody"),
			Map.entry(ExportInvoiceResponse.class, "v1ExportInvoiceFileResponse"),
			Map.entry(ReadInvoiceAdjustmentsRequest.class, "BillingReadInvoiceAdjustmentsBody"),
			Map.entry(InvoiceAdjustment.class, "waveAdjustment"),
			Map.entry(ExchangeRates.class, "blueapiBillingV1ListExchangeRatesResponse"),
			Map.entry(ExchangeRates.Rate.class, "rippleExchangeRate"),
			Map.entry(ExchangeRates.Common.class, "rippleCommonExchangeRate"),
			Map.entry(ExchangeRates.BillingGroupRates.class, "rippleBillingGroupExchangeRate"),
			Map.entry(ExchangeRates.PayerRates.class, "rippleVendorPayerExchangeRate"),
			Map.entry(ExchangeRates.Payer.class, "ripplePayerExchangeRate"),
			Map.entry(Reseller.class, "rippleReseller"), Map.entry(Reseller.Config.class, "rippleResellerConfig"),
			Map.entry(AnomalyAlert.class, "v1AnomalyAlertData"),
			Map.entry(AnomalyAlert.CostGroup.class, "coverAlertCostGroup"),
			Map.entry(AnomalyAlert.Channels.class, "coverAlertChannels"),
			Map.entry(AnomalyAlert.Channel.class, "coverAlertChannel"));

	/**
	 * Records that stand for several definitions of the same shape (their components are
	 * checked against each).
	 */
	private static final Map<Class<?>, List<String>> ALSO = Map.ofEntries(
			Map.entry(BudgetAlert.Threshold.class, List.of("apiDailyRateIncreaseBudgetAlert", "apiMonthlyBudgetAlert")),
			Map.entry(Invoice.Amount.class, List.of("apiGroupDetails", "apiGroupCustomDetails")));

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

	private BlueApiSpec spec;

	@BeforeEach
	void loadSpec() {
		this.spec = BlueApiSpec.load();
	}

	@Test
	void theDefaultBaseUrlIsTheRootOfEveryServiceBase() {
		assertThat(WaveProperties.DEFAULT_BASE_URL).hasToString(BlueApiSpec.API_ROOT);
		JsonNode root = this.spec.root();
		assertThat("https://" + root.path("host").asString() + root.path("basePath").asString())
			.isEqualTo(BlueApiSpec.API_ROOT);
		assertThat(this.spec.tagBases()).containsEntry("Iam", "")
			.containsEntry("Organization", "")
			.containsEntry("Cost", "/cost")
			.containsEntry("Billing", "/billing")
			.containsEntry("Cover", "/cover")
			.containsEntry("Operations", "");
		assertThat(this.spec.operations()).hasSize(601);
	}

	@Test
	void everyExchangeMethodIsASpecOperationAtItsServiceBase() {
		List<String> checked = new ArrayList<>();
		forEachExchange((api, method, exchange, path) -> {
			BlueApiSpec.Operation operation = this.spec.operation(exchange.method(), path);
			assertThat(operation)
				.as("%s %s (%s#%s) in the reference", exchange.method(), path, api.getSimpleName(), method.getName())
				.isNotNull();
			assertThat(this.spec.tagBases().get(operation.tag())).as("base of %s", operation.tag())
				.isEqualTo(serviceBase(api));
			checkParameters(method, operation);
			checked.add(exchange.method() + " " + path + " " + operation.tag());
		});
		assertThat(checked).containsExactlyInAnyOrder("GET /iam/v1/whoami Iam", "GET /org/v1 Organization",
				"GET /cost/v1/{vendor}/accounts Cost", "GET /cost/v1/{vendor}/accounts/{id} Cost",
				"POST /cost/v1/{vendor}/costs:read Cost", "POST /cost/v1/{vendor}/adjustments:read Cost",
				"POST /cost/v1/{vendor}/tagcosts:read Cost", "POST /cost/v1/{vendor}/nontagcosts:read Cost",
				"POST /cost/v1/{vendor}/costattrs:read Cost", "GET /cost/v1/{vendor}/payers Cost",
				"GET /cost/v1/{vendor}/payers/{id} Cost", "GET /cost/v1/{vendor}/tags Cost",
				"GET /cost/v1/{vendor}/forecasts Cost", "GET /cost/v1/{vendor}/budget/{level}/{id} Cost",
				"POST /cost/v1/{vendor}/budget/{level}/{id} Cost", "POST /cost/v1/alerts:read Cost",
				"POST /cost/v1/{vendor}/costs:calculate Cost", "GET /cost/v1/{vendor}/calculations/history Cost",
				"POST /cost/v1/reports:export Cost", "GET /cost/v1/{vendor}/reports/invoicereadiness Cost",
				"GET /billing/v1/billinggroups Billing", "GET /billing/v1/billinggroups:paginated Billing",
				"GET /billing/v1/billinggroups/{billingInternalId} Billing", "POST /billing/v1/invoice:read Billing",
				"POST /billing/v1/invoice/{date}:read Billing", "POST /billing/v1/invoice/{date}:export Billing",
				"POST /billing/v1/{vendor}/invoiceadjustments:read Billing",
				"GET /billing/v1/{vendor}/exchangerate/{month} Billing", "GET /billing/v1/resellers Billing",
				"POST /cover/v1/alerts/anomaly/all:read Cover", "GET /cover/v1/alerts/anomaly/{id} Cover",
				"GET /ops/v1/{name} Operations");
		assertThat(checked).as("distinct typed operations").doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(25);
	}

	@Test
	void streamingMethodsAreExactlyTheSpecStreams() {
		forEachExchange((api, method, exchange, path) -> {
			BlueApiSpec.Operation operation = this.spec.operation(exchange.method(), path);
			assertThat(method.getReturnType() == Flux.class)
				.as("%s returns Flux iff the reference says streaming", method)
				.isEqualTo(operation.isStreaming());
		});
	}

	@Test
	void bodiesAndAnswersAreTheSpecDefinitions() {
		forEachExchange((api, method, exchange, path) -> {
			BlueApiSpec.Operation operation = this.spec.operation(exchange.method(), path);
			Type answer = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
			assertThat(RECORDS.get(answer)).as("answer of %s", method).isEqualTo(operation.responseDefinition());
			Class<?> body = null;
			for (var parameter : method.getParameters()) {
				if (parameter.isAnnotationPresent(RequestBody.class)) {
					body = parameter.getType();
				}
			}
			assertThat((body != null) ? RECORDS.get(body) : null).as("body of %s", method)
				.isEqualTo(operation.bodyDefinition());
		});
	}

	@Test
	void recordComponentsAreSpecProperties() {
		RECORDS.forEach((type, definition) -> {
			for (String name : definitions(type)) {
				JsonNode properties = this.spec.properties(name);
				assertThat(properties.isObject()).as(name).isTrue();
				for (RecordComponent component : type.getRecordComponents()) {
					assertThat(properties.has(component.getName()))
						.as("%s.%s in %s", type.getName(), component.getName(), name)
						.isTrue();
				}
			}
		});
	}

	@Test
	void recordTypedComponentsAreTheDefinitionsTheSpecReferences() {
		RECORDS.forEach((type, definition) -> {
			JsonNode properties = this.spec.properties(definition);
			for (RecordComponent component : type.getRecordComponents()) {
				Class<?> element = recordIn(component.getGenericType());
				if (element == null) {
					continue;
				}
				JsonNode property = properties.path(component.getName());
				JsonNode schema = property.has("items") ? property.path("items")
						: property.has("additionalProperties") ? property.path("additionalProperties") : property;
				String referenced = schema.path("$ref").asString("").replace("#/definitions/", "");
				assertThat(definitions(element)).as("%s.%s is a %s", type.getName(), component.getName(), referenced)
					.contains(referenced);
			}
		});
	}

	@Test
	void everyRecordReachableFromAnExchangeMethodIsChecked() {
		List<Class<?>> reached = new ArrayList<>();
		forEachExchange((api, method, exchange, path) -> {
			collectRecords(method.getGenericReturnType(), reached);
			for (var parameter : method.getParameters()) {
				if (parameter.isAnnotationPresent(RequestBody.class)) {
					collectRecords(parameter.getParameterizedType(), reached);
				}
			}
		});
		assertThat(reached).hasSizeGreaterThan(40);
		assertThat(RECORDS.keySet()).containsAll(reached);
	}

	@Test
	void requiredQueryParametersAreRequired() {
		forEachExchange((api, method, exchange, path) -> {
			BlueApiSpec.Operation operation = this.spec.operation(exchange.method(), path);
			for (JsonNode parameter : operation.node().path("parameters")) {
				if (parameter.path("in").asString().equals("query") && parameter.path("required").asBoolean(false)) {
					String name = parameter.path("name").asString();
					assertThat(java.util.Arrays.stream(method.getParameters())
						.map((p) -> p.getAnnotation(RequestParam.class))
						.filter((p) -> p != null && p.name().equals(name) && p.required()))
						.as("required query parameter %s of %s", name, method)
						.hasSize(1);
				}
			}
		});
	}

	private static List<String> definitions(Class<?> type) {
		List<String> names = new ArrayList<>();
		if (RECORDS.containsKey(type)) {
			names.add(RECORDS.get(type));
		}
		names.addAll(ALSO.getOrDefault(type, List.of()));
		return names;
	}

	private static Class<?> recordIn(Type type) {
		if (type instanceof Class<?> plain) {
			return plain.isRecord() ? plain : null;
		}
		if (type instanceof ParameterizedType parameterized) {
			Type[] arguments = parameterized.getActualTypeArguments();
			return recordIn(arguments[arguments.length - 1]);
		}
		return null;
	}

	private static void collectRecords(Type type, List<Class<?>> reached) {
		if (type instanceof ParameterizedType parameterized) {
			for (Type argument : parameterized.getActualTypeArguments()) {
				collectRecords(argument, reached);
			}
		}
		else if (type instanceof Class<?> plain && plain.isRecord() && !reached.contains(plain)) {
			reached.add(plain);
			for (RecordComponent component : plain.getRecordComponents()) {
				collectRecords(component.getGenericType(), reached);
			}
		}
	}

	private static void checkParameters(Method method, BlueApiSpec.Operation operation) {
		List<String> pathVariables = new ArrayList<>();
		List<String> queryParameters = new ArrayList<>();
		for (var parameter : method.getParameters()) {
			PathVariable pathVariable = parameter.getAnnotation(PathVariable.class);
			if (pathVariable != null) {
				pathVariables.add(pathVariable.value().isEmpty() ? parameter.getName() : pathVariable.value());
			}
			RequestParam requestParam = parameter.getAnnotation(RequestParam.class);
			if (requestParam != null) {
				queryParameters.add(requestParam.name());
			}
		}
		List<String> templateVariables = new ArrayList<>();
		Matcher matcher = PATH_VARIABLE.matcher(operation.specPath());
		while (matcher.find()) {
			templateVariables.add(matcher.group(1));
		}
		assertThat(pathVariables).as("path variables of %s", method)
			.containsExactlyInAnyOrderElementsOf(operation.parameters("path"))
			.containsExactlyInAnyOrderElementsOf(templateVariables);
		assertThat(operation.parameters("query")).as("query parameters of %s", method).containsAll(queryParameters);
	}

	private static String serviceBase(Class<?> api) {
		HttpExchange typeLevel = AnnotatedElementUtils.findMergedAnnotation(api, HttpExchange.class);
		return (typeLevel != null) ? typeLevel.url() : "";
	}

	private static void forEachExchange(ExchangeCheck check) {
		for (Class<?> api : APIS) {
			for (Method method : api.getMethods()) {
				HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
				if (exchange != null) {
					check.check(api, method, exchange, serviceBase(api) + exchange.url());
				}
			}
		}
	}

	@FunctionalInterface
	private interface ExchangeCheck {

		void check(Class<?> api, Method method, HttpExchange exchange, String path);

	}

}
