package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1ListInvoiceRequest}: body of {@code POST
 * /billing/v1/invoice:read}. {@code null} fields are omitted from the JSON.
 *
 * @param date the month, {@code yyyymm}
 * @param vendor {@code aws}, {@code azure} or {@code gcp}, or {@code null}
 * @param billingInternalId only the child invoices of this billing group
 * @param fieldMask optional field mask
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListInvoicesRequest(@Nullable String date, @Nullable String vendor, @Nullable String billingInternalId,
		@Nullable String fieldMask) {

	/**
	 * Request for one month.
	 * @param date the month, {@code yyyymm}
	 * @return the request
	 */
	public static ListInvoicesRequest of(String date) {
		return new ListInvoicesRequest(date, null, null, null);
	}

}
