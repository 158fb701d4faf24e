package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code apiAzureCost} (main fields). Numbers: {@code null} means {@code 0} (proto3
 * omits zero values).
 *
 * @param account the account
 * @param groupId the group id
 * @param date {@code yyyy-mm-dd} or {@code yyyy-mm}
 * @param serviceName service name
 * @param productName product name
 * @param region region
 * @param chargeType charge type
 * @param description description
 * @param billableQuantity billable quantity
 * @param effectiveUnitPrice effective unit price
 * @param cost the true (calculated) cost
 * @param baseCurrency base currency
 * @param exchangeRate exchange rate
 * @param targetCost converted cost
 * @param targetCurrency target currency
 * @param subscriptionId subscription id
 * @param resourceGroup resource group
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AzureCost(@Nullable String account, @Nullable String groupId, @Nullable String date,
		@Nullable String serviceName, @Nullable String productName, @Nullable String region,
		@Nullable String chargeType, @Nullable String description, @Nullable Double billableQuantity,
		@Nullable Double effectiveUnitPrice, @Nullable Double cost, @Nullable String baseCurrency,
		@Nullable Double exchangeRate, @Nullable Double targetCost, @Nullable String targetCurrency,
		@Nullable String subscriptionId, @Nullable String resourceGroup) {
}
