package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code apiGcpCost}. Numbers: {@code null} means {@code 0} (proto3 omits zero
 * values).
 *
 * @param account the billing account
 * @param groupId the group id
 * @param date {@code yyyy-mm-dd} or {@code yyyy-mm}
 * @param invoiceMonth invoice month
 * @param service service description
 * @param sku SKU description
 * @param region region
 * @param zone zone
 * @param creditsType credits type
 * @param creditsName credits name
 * @param usageUnit pricing unit
 * @param usageAmount usage in pricing units
 * @param baseCurrency currency
 * @param cost cost
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GcpCost(@Nullable String account, @Nullable String groupId, @Nullable String date,
		@Nullable String invoiceMonth, @Nullable String service, @Nullable String sku, @Nullable String region,
		@Nullable String zone, @Nullable String creditsType, @Nullable String creditsName, @Nullable String usageUnit,
		@Nullable Double usageAmount, @Nullable String baseCurrency, @Nullable Double cost) {
}
