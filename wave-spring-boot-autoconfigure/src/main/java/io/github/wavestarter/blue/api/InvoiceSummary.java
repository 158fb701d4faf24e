package io.github.wavestarter.blue.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1ListInvoiceResponse}: one invoice of {@code invoice:read}.
 *
 * @param billingInternalId the billing internal id
 * @param billingGroupId the billing group id
 * @param billingGroupName the billing group name
 * @param companyName the company name
 * @param finalizationStatus finalization status
 * @param isCreated whether the invoice is created
 * @param isSettingModified whether settings changed
 * @param createdDate creation date
 * @param updatedDate update date
 * @param createdVendors vendors with an invoice
 * @param isPublished whether published
 * @param vendorBillingAmount vendor to formatted amount
 * @param billingAmountTotal formatted total
 * @param currency the currency
 * @param urlId URL id
 * @param hasChild whether it has a child
 * @param attachedVendors vendors with an attached account
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvoiceSummary(@Nullable String billingInternalId, @Nullable String billingGroupId,
		@Nullable String billingGroupName, @Nullable String companyName, @Nullable String finalizationStatus,
		@Nullable Boolean isCreated, @Nullable Boolean isSettingModified, @Nullable String createdDate,
		@Nullable String updatedDate, @Nullable List<String> createdVendors, @Nullable Boolean isPublished,
		@Nullable Map<String, String> vendorBillingAmount, @Nullable String billingAmountTotal,
		@Nullable String currency, @Nullable String urlId, @Nullable Boolean hasChild,
		@Nullable List<String> attachedVendors) {
}
