package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code BillingReadInvoiceAdjustmentsBody}: body of {@code POST
 * /billing/v1/{vendor}/invoiceadjustments:read}. {@code null} fields are omitted from the
 * JSON.
 *
 * @param accountId required: the account id
 * @param month {@code yyyymm} (default: current month)
 * @param feeType e.g. {@code Fee}, {@code Refund}, {@code Credit}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadInvoiceAdjustmentsRequest(@Nullable String accountId, @Nullable String month,
		@Nullable String feeType) {
}
