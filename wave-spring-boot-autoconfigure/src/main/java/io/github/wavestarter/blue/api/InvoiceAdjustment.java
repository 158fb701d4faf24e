package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code waveAdjustment}: an invoice adjustment.
 *
 * @param yearMonth year month
 * @param feeType fee type
 * @param description description
 * @param productCode product code
 * @param productName product name
 * @param usageAccountId usage account id
 * @param currencyCode currency code
 * @param payerAccountId payer account id
 * @param cost cost (decimal string)
 * @param timeInterval time interval
 * @param usageStartDate usage start date
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvoiceAdjustment(@Nullable String yearMonth, @Nullable String feeType, @Nullable String description,
		@Nullable String productCode, @Nullable String productName, @Nullable String usageAccountId,
		@Nullable String currencyCode, @Nullable String payerAccountId, @Nullable String cost,
		@Nullable String timeInterval, @Nullable String usageStartDate) {
}
