package io.github.wavestarter.blue.api;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * Blue API {@code Cost} service (subset), served at
 * {@code https://api.alphaus.cloud/m/blue/cost}: the paths below are those of the API
 * reference, relative to that base (e.g. {@code POST /m/blue/cost/v1/aws/costs:read}).
 * {@code Flux} methods are server streams: rows arrive as they are read, an in-stream
 * error terminates the Flux with a {@link io.github.wavestarter.blue.BlueApiException},
 * and cancelling the subscription cancels the HTTP exchange.
 */
@HttpExchange(CostApi.BASE)
public interface CostApi {

	/**
	 * Base of the Cost service relative to {@code wave.base-url} ({@code /m/blue}), as
	 * the API reference gives it.
	 */
	String BASE = "/cost";

	/**
	 * {@code GET /v1/{vendor}/accounts} ({@code Cost_ListAccounts}, streaming).
	 * @param vendor {@code aws} or {@code gcp}
	 * @param groupId optional billing group internal id ({@code billingInternalId}, for
	 * Ripple users), {@code null} to omit
	 * @param fieldMask optional field mask, {@code null} to omit
	 * @return the accounts
	 */
	@GetExchange("/v1/{vendor}/accounts")
	Flux<Account> listAccounts(@PathVariable String vendor,
			@RequestParam(name = "groupId", required = false) @Nullable String groupId,
			@RequestParam(name = "fieldMask", required = false) @Nullable String fieldMask);

	/**
	 * {@code GET /v1/{vendor}/accounts} without optional parameters.
	 * @param vendor {@code aws} or {@code gcp}
	 * @return the accounts
	 */
	default Flux<Account> listAccounts(String vendor) {
		return listAccounts(vendor, null, null);
	}

	/**
	 * {@code GET /v1/{vendor}/accounts/{id}} ({@code Cost_GetAccount}).
	 * @param vendor {@code aws} or {@code gcp}
	 * @param id the account id
	 * @return the account
	 */
	@GetExchange("/v1/{vendor}/accounts/{id}")
	Mono<Account> getAccount(@PathVariable String vendor, @PathVariable String id);

	/**
	 * {@code POST /v1/{vendor}/costs:read} ({@code Cost_ReadCosts}, streaming). May
	 * return millions of rows; memory use stays flat.
	 * @param vendor {@code aws}, {@code azure} or {@code gcp}
	 * @param request the read options; dates are {@code yyyymmdd} (or {@code yyyymm}),
	 * e.g. {@code ReadCostsRequest.of(null, "20261101", "20261128")}
	 * @return the cost rows
	 */
	@PostExchange("/v1/{vendor}/costs:read")
	Flux<CostItem> readCosts(@PathVariable String vendor, @RequestBody ReadCostsRequest request);

	/**
	 * {@code POST /v1/{vendor}/adjustments:read} ({@code Cost_ReadAdjustments},
	 * streaming): the non-usage-based lines (fees, credits, refunds) of an account or
	 * billing group.
	 * @param vendor {@code aws} or {@code azure}
	 * @param request the date range ({@code yyyymmdd}) and account or group
	 * @return the adjustment rows
	 */
	@PostExchange("/v1/{vendor}/adjustments:read")
	Flux<CostItem> readAdjustments(@PathVariable String vendor, @RequestBody ReadAdjustmentsRequest request);

	/**
	 * {@code POST /v1/{vendor}/tagcosts:read} ({@code Cost_ReadTagCosts}, streaming): the
	 * usage-based tag costs of a billing group.
	 * @param vendor {@code aws}
	 * @param request the billing group ({@code billingInternalId}, required) and range
	 * @return the cost rows
	 */
	@PostExchange("/v1/{vendor}/tagcosts:read")
	Flux<CostItem> readTagCosts(@PathVariable String vendor, @RequestBody ReadTagCostsRequest request);

	/**
	 * {@code POST /v1/{vendor}/nontagcosts:read} ({@code Cost_ReadNonTagCosts},
	 * streaming): the usage-based costs of a billing group not covered by its tags.
	 * @param vendor {@code aws}
	 * @param request the billing group ({@code billingInternalId}, required) and range
	 * @return the cost rows
	 */
	@PostExchange("/v1/{vendor}/nontagcosts:read")
	Flux<CostItem> readNonTagCosts(@PathVariable String vendor, @RequestBody ReadNonTagCostsRequest request);

	/**
	 * {@code POST /v1/{vendor}/costattrs:read} ({@code Cost_ReadCostAttributes},
	 * streaming): the cost attributes (dimensions) available in a range.
	 * @param vendor {@code aws}
	 * @param request the accounts or group and range
	 * @return the attribute rows
	 */
	@PostExchange("/v1/{vendor}/costattrs:read")
	Flux<CostAttributeItem> readCostAttributes(@PathVariable String vendor,
			@RequestBody ReadCostAttributesRequest request);

	/**
	 * {@code GET /v1/{vendor}/payers} ({@code Cost_ListPayerAccounts}, streaming).
	 * @param vendor {@code aws}
	 * @param fieldMask optional field mask, {@code null} to omit
	 * @return the payer accounts
	 */
	@GetExchange("/v1/{vendor}/payers")
	Flux<Account> listPayerAccounts(@PathVariable String vendor,
			@RequestParam(name = "fieldMask", required = false) @Nullable String fieldMask);

	/**
	 * {@code GET /v1/{vendor}/payers/{id}} ({@code Cost_GetPayerAccount}).
	 * @param vendor {@code aws}
	 * @param id the payer account id
	 * @return the payer and its member accounts
	 */
	@GetExchange("/v1/{vendor}/payers/{id}")
	Mono<Payer> getPayerAccount(@PathVariable String vendor, @PathVariable String id);

	/**
	 * {@code GET /v1/{vendor}/tags} ({@code Cost_ListTags}, streaming).
	 * @param vendor {@code aws}
	 * @param groupId optional billing internal id (Ripple users), {@code null} to omit
	 * @param fieldMask optional field mask, {@code null} to omit
	 * @return the cost tags
	 */
	@GetExchange("/v1/{vendor}/tags")
	Flux<CostTag> listTags(@PathVariable String vendor,
			@RequestParam(name = "groupId", required = false) @Nullable String groupId,
			@RequestParam(name = "fieldMask", required = false) @Nullable String fieldMask);

	/**
	 * {@code GET /v1/{vendor}/forecasts} ({@code Cost_GetForecasts}): historical costs up
	 * to the previous month and forecasts after it.
	 * @param vendor {@code aws}
	 * @param billingInternalId billing group, {@code null} for the caller's
	 * @param frequency {@code daily} (default) or {@code monthly}, or {@code null}
	 * @param level {@code account} (default), {@code category} or {@code product}, or
	 * {@code null}
	 * @param fromDate {@code yyyy-mm-dd}, or {@code null}
	 * @param toDate {@code yyyy-mm-dd}, or {@code null}
	 * @return the forecast
	 */
	@GetExchange("/v1/{vendor}/forecasts")
	Mono<ForecastsResponse> getForecasts(@PathVariable String vendor,
			@RequestParam(name = "billingInternalId", required = false) @Nullable String billingInternalId,
			@RequestParam(name = "frequency", required = false) @Nullable String frequency,
			@RequestParam(name = "level", required = false) @Nullable String level,
			@RequestParam(name = "fromDate", required = false) @Nullable String fromDate,
			@RequestParam(name = "toDate", required = false) @Nullable String toDate);

	/**
	 * {@code GET /v1/{vendor}/budget/{level}/{id}} ({@code Cost_GetAccountBudget}).
	 * @param vendor {@code aws}
	 * @param level {@code account} or {@code acctgroup}
	 * @param id the account or account group id
	 * @param year {@code yyyy}, {@code null} for the current year
	 * @return the budget
	 */
	@GetExchange("/v1/{vendor}/budget/{level}/{id}")
	Mono<AccountBudgetResponse> getAccountBudget(@PathVariable String vendor, @PathVariable String level,
			@PathVariable String id, @RequestParam(name = "year", required = false) @Nullable String year);

	/**
	 * {@code POST /v1/{vendor}/budget/{level}/{id}} ({@code Cost_CreateAccountBudget}). A
	 * write: never repeated by the starter.
	 * @param vendor {@code aws}
	 * @param level {@code account} or {@code acctgroup}
	 * @param id the account or account group id
	 * @param request the budget ({@code fiscalYear} {@code yyyy}, months {@code yyyymm})
	 * @return the budget id
	 */
	@PostExchange("/v1/{vendor}/budget/{level}/{id}")
	Mono<CreateAccountBudgetResponse> createAccountBudget(@PathVariable String vendor, @PathVariable String level,
			@PathVariable String id, @RequestBody CreateAccountBudgetRequest request);

	/**
	 * {@code POST /v1/alerts:read} ({@code Cost_ReadBudgetAlerts}, streaming).
	 * @param request the request (an optional field mask)
	 * @return the budget alerts
	 */
	@PostExchange("/v1/alerts:read")
	Flux<BudgetAlert> readBudgetAlerts(@RequestBody ReadBudgetAlertsRequest request);

	/**
	 * {@code POST /v1/{vendor}/costs:calculate} ({@code Cost_CalculateCosts}): starts the
	 * monthly calculation, a long-running operation; wait for it with
	 * {@link io.github.wavestarter.blue.BlueOperations}. A write: never repeated by the
	 * starter.
	 * @param vendor {@code aws}
	 * @param request the month ({@code yyyymm}) and billing groups
	 * @return the operation, usually not yet done
	 */
	@PostExchange("/v1/{vendor}/costs:calculate")
	Mono<Operation> calculateCosts(@PathVariable String vendor, @RequestBody CalculateCostsRequest request);

	/**
	 * {@code GET /v1/{vendor}/calculations/history}
	 * ({@code Cost_ListCalculationsHistory}).
	 * @param vendor {@code aws}
	 * @param asOf operations on and after this date, {@code yyyymmdd}, or {@code null}
	 * @param excludeDone whether to leave out finished operations, or {@code null}
	 * @return the calculation operations
	 */
	@GetExchange("/v1/{vendor}/calculations/history")
	Mono<CalculationsHistory> listCalculationsHistory(@PathVariable String vendor,
			@RequestParam(name = "asOf", required = false) @Nullable String asOf,
			@RequestParam(name = "excludeDone", required = false) @Nullable Boolean excludeDone);

	/**
	 * {@code POST /v1/reports:export} ({@code Cost_ExportReport}): exports a report and
	 * delivers it through notification channels, a long-running operation. A write: never
	 * repeated by the starter.
	 * @param request the month ({@code yyyy-mm}) and report queries
	 * @return the operation
	 */
	@PostExchange("/v1/reports:export")
	Mono<Operation> exportReport(@RequestBody ExportReportRequest request);

	/**
	 * {@code GET /v1/{vendor}/reports/invoicereadiness}
	 * ({@code Cost_GetInvoiceReadiness}): whether the month's billing is final.
	 * @param vendor {@code aws}, {@code gcp} or {@code azure}
	 * @param month required, {@code yyyy-mm}
	 * @return the readiness
	 */
	@GetExchange("/v1/{vendor}/reports/invoicereadiness")
	Mono<InvoiceReadiness> getInvoiceReadiness(@PathVariable String vendor, @RequestParam(name = "month") String month);

}
