package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1ReadCostsRequestAzureOptions}; {@code null} fields are omitted.
 *
 * @param groupByColumns comma-separated aggregation columns
 * @param groupByMonth group by month
 * @param noCache bypass cache
 * @param toCurrency target currency
 * @param resourceGroup resource group
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AzureOptions(@Nullable String groupByColumns, @Nullable Boolean groupByMonth, @Nullable Boolean noCache,
		@Nullable String toCurrency, @Nullable String resourceGroup) {
}
