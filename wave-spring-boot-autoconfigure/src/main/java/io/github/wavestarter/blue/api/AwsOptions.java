package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Spec {@code v1ReadCostsRequestAwsOptions}; {@code null} fields are omitted.
 *
 * @param groupByColumns comma-separated aggregation columns
 * @param groupByMonth group by month
 * @param groupAccounts group all input accounts into one
 * @param groupByTagKey tag key when grouping by tag
 * @param filters filter objects ({@code andFilters})
 * @param tagFilters tag filter objects ({@code andFilters})
 * @param includeTags include tags
 * @param includeCostCategories include cost categories
 * @param toCurrency target currency
 * @param forceLatest force up-to-date calculation
 * @param noCache bypass cache
 * @param includeAdjustments include adjustments (work in progress upstream)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AwsOptions(@Nullable String groupByColumns, @Nullable Boolean groupByMonth,
		@Nullable Boolean groupAccounts, @Nullable String groupByTagKey, @Nullable List<JsonNode> filters,
		@Nullable List<JsonNode> tagFilters, @Nullable Boolean includeTags, @Nullable Boolean includeCostCategories,
		@Nullable String toCurrency, @Nullable Boolean forceLatest, @Nullable Boolean noCache,
		@Nullable Boolean includeAdjustments) {

	/**
	 * Options that only set the aggregation columns.
	 * @param groupByColumns comma-separated columns
	 * @return the options
	 */
	public static AwsOptions groupBy(String groupByColumns) {
		return new AwsOptions(groupByColumns, null, null, null, null, null, null, null, null, null, null, null);
	}

}
