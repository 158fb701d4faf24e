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
 * Blue API {@code Billing} service (subset), served at
 * {@code https://api.alphaus.cloud/m/blue/billing}: the paths below are those of the API
 * reference, relative to that base (e.g. {@code POST /m/blue/billing/v1/invoice:read}).
 * {@code Flux} methods are server streams, as in {@link CostApi}.
 */
@HttpExchange(BillingApi.BASE)
public interface BillingApi {

	/**
	 * Base of the Billing service relative to {@code wave.base-url} ({@code /m/blue}), as
	 * the API reference gives it.
	 */
	String BASE = "/billing";

	/**
	 * {@code GET /v1/billinggroups} ({@code Billing_ListBillingGroups}, streaming).
	 * @param fieldMask optional field mask, {@code null} to omit
	 * @param vendors optional comma-separated vendors, e.g. {@code aws,gcp}
	 * @param calcType optional {@code account} or {@code tag}
	 * @param displayCost optional {@code unblended_cost} or {@code true_unblended_cost}
	 * @param bgType optional (AWS) {@code default} or {@code imported}
	 * @return the billing groups
	 */
	@GetExchange("/v1/billinggroups")
	Flux<BillingGroup> listBillingGroups(@RequestParam(name = "fieldMask", required = false) @Nullable String fieldMask,
			@RequestParam(name = "vendors", required = false) @Nullable String vendors,
			@RequestParam(name = "calcType", required = false) @Nullable String calcType,
			@RequestParam(name = "displayCost", required = false) @Nullable String displayCost,
			@RequestParam(name = "bgType", required = false) @Nullable String bgType);

	/**
	 * {@code GET /v1/billinggroups} without filters.
	 * @return the billing groups
	 */
	default Flux<BillingGroup> listBillingGroups() {
		return listBillingGroups(null, null, null, null, null);
	}

	/**
	 * {@code GET /v1/billinggroups:paginated}
	 * ({@code Billing_ListBillingGroupsPaginated}).
	 * @param vendors optional comma-separated vendors
	 * @param companyName optional company name filter
	 * @param billingGroupName optional billing group name filter
	 * @param billingGroupId optional billing group id filter
	 * @param pageSize page size (default 50, at most 1000), or {@code null}
	 * @param pageNumber page number from 1 (default 1), or {@code null}
	 * @return the page
	 */
	@GetExchange("/v1/billinggroups:paginated")
	Mono<BillingGroupsPage> listBillingGroupsPaginated(
			@RequestParam(name = "vendors", required = false) @Nullable String vendors,
			@RequestParam(name = "companyName", required = false) @Nullable String companyName,
			@RequestParam(name = "billingGroupName", required = false) @Nullable String billingGroupName,
			@RequestParam(name = "billingGroupId", required = false) @Nullable String billingGroupId,
			@RequestParam(name = "pageSize", required = false) @Nullable Integer pageSize,
			@RequestParam(name = "pageNumber", required = false) @Nullable Integer pageNumber);

	/**
	 * {@code GET /v1/billinggroups:paginated}, one page without filters.
	 * @param pageSize page size (at most 1000)
	 * @param pageNumber page number from 1
	 * @return the page
	 */
	default Mono<BillingGroupsPage> listBillingGroupsPaginated(int pageSize, int pageNumber) {
		return listBillingGroupsPaginated(null, null, null, null, pageSize, pageNumber);
	}

	/**
	 * {@code GET /v1/billinggroups/{billingInternalId}}
	 * ({@code Billing_GetBillingGroup}).
	 * @param billingInternalId the internal id
	 * @param fieldMask optional field mask, {@code null} to omit
	 * @return the billing group
	 */
	@GetExchange("/v1/billinggroups/{billingInternalId}")
	Mono<BillingGroupResponse> getBillingGroup(@PathVariable String billingInternalId,
			@RequestParam(name = "fieldMask", required = false) @Nullable String fieldMask);

	/**
	 * {@code POST /v1/invoice:read} ({@code Billing_ListInvoice}, streaming): the
	 * invoices of a month.
	 * @param request the month ({@code yyyymm}) and filters
	 * @return the invoices
	 */
	@PostExchange("/v1/invoice:read")
	Flux<InvoiceSummary> listInvoices(@RequestBody ListInvoicesRequest request);

	/**
	 * {@code POST /v1/invoice/{date}:read} ({@code Billing_GetInvoice}).
	 * @param date the month, {@code yyyymm}
	 * @param request the billing group ({@code groupId}, required)
	 * @return the invoice
	 */
	@PostExchange("/v1/invoice/{date}:read")
	Mono<Invoice> getInvoice(@PathVariable String date, @RequestBody GetInvoiceRequest request);

	/**
	 * {@code POST /v1/invoice/{date}:export} ({@code Billing_ExportInvoiceFile}). A
	 * write: never repeated by the starter.
	 * @param date the month, {@code yyyymm}
	 * @param request the billing group(s)
	 * @return the URL of the exported file
	 */
	@PostExchange("/v1/invoice/{date}:export")
	Mono<ExportInvoiceResponse> exportInvoiceFile(@PathVariable String date, @RequestBody ExportInvoiceRequest request);

	/**
	 * {@code POST /v1/{vendor}/invoiceadjustments:read}
	 * ({@code Billing_ReadInvoiceAdjustments}, streaming).
	 * @param vendor {@code aws}, {@code azure} or {@code gcp}
	 * @param request the account (required), month ({@code yyyymm}) and fee type
	 * @return the adjustments
	 */
	@PostExchange("/v1/{vendor}/invoiceadjustments:read")
	Flux<InvoiceAdjustment> readInvoiceAdjustments(@PathVariable String vendor,
			@RequestBody ReadInvoiceAdjustmentsRequest request);

	/**
	 * {@code GET /v1/{vendor}/exchangerate/{month}} ({@code Billing_ListExchangeRates}).
	 * @param vendor the vendor
	 * @param month {@code yyyymm}
	 * @return the common, billing group and payer exchange rates
	 */
	@GetExchange("/v1/{vendor}/exchangerate/{month}")
	Mono<ExchangeRates> listExchangeRates(@PathVariable String vendor, @PathVariable String month);

	/**
	 * {@code GET /v1/resellers} ({@code Billing_ListResellers}, streaming).
	 * @param fieldMask optional field mask, {@code null} to omit
	 * @return the resellers
	 */
	@GetExchange("/v1/resellers")
	Flux<Reseller> listResellers(@RequestParam(name = "fieldMask", required = false) @Nullable String fieldMask);

}
