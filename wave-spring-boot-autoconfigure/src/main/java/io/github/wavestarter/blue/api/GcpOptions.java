package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Spec {@code v1ReadCostsRequestGcpOptions}; {@code null} fields are omitted.
 *
 * @param groupByColumns comma-separated aggregation columns
 * @param groupByMonth group by month
 * @param groupAccounts group accounts into one
 * @param filters filter objects
 * @param includeInvoiceMonth include invoice month
 * @param includeCredits include credits
 * @param rounding round values
 * @param noCache bypass cache
 * @param toCurrency target currency
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GcpOptions(@Nullable String groupByColumns, @Nullable Boolean groupByMonth,
		@Nullable Boolean groupAccounts, @Nullable List<JsonNode> filters, @Nullable Boolean includeInvoiceMonth,
		@Nullable Boolean includeCredits, @Nullable Boolean rounding, @Nullable Boolean noCache,
		@Nullable String toCurrency) {
}
