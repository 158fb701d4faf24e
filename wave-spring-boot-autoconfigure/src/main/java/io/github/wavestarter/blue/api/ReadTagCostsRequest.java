package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Spec {@code CostReadTagCostsBody}: body of {@code POST
 * /cost/v1/{vendor}/tagcosts:read}. {@code null} fields are omitted from the JSON.
 *
 * @param billingInternalId required: the billing group internal id
 * @param startTime start date, {@code yyyymmdd} (default: first day of the current month)
 * @param endTime end date, {@code yyyymmdd} (default: today)
 * @param groupByMonths group by months in the range
 * @param awsOptions AWS-specific options
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadTagCostsRequest(@Nullable String billingInternalId, @Nullable String startTime,
		@Nullable String endTime, @Nullable Boolean groupByMonths,
		ReadTagCostsRequest.@Nullable AwsOptions awsOptions) {

	/**
	 * Spec {@code v1ReadTagCostsRequestAwsOptions}: AWS options of {@code
	 * tagcosts:read}. {@code null} fields are omitted from the JSON.
	 *
	 * @param tagId only this tag id
	 * @param groupByColumns comma-separated aggregation columns
	 * @param groupByMonth group by month
	 * @param filters filter objects ({@code andFilters})
	 * @param tagFilters tag filter objects ({@code andFilters})
	 * @param includeTags include resource tags
	 * @param includeCostCategories include cost categories
	 * @param toCurrency target currency
	 * @param forceLatest force up-to-date calculation
	 * @param noCache bypass cache
	 * @param tagIds only these tag ids
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AwsOptions(@Nullable String tagId, @Nullable String groupByColumns, @Nullable Boolean groupByMonth,
			@Nullable List<JsonNode> filters, @Nullable List<JsonNode> tagFilters, @Nullable Boolean includeTags,
			@Nullable Boolean includeCostCategories, @Nullable String toCurrency, @Nullable Boolean forceLatest,
			@Nullable Boolean noCache, @Nullable List<String> tagIds) {
	}

	/**
	 * Request for a date range of a billing group.
	 * @param billingInternalId the billing group internal id
	 * @param startTime start date, {@code yyyymmdd}
	 * @param endTime end date, {@code yyyymmdd}
	 * @return the request
	 */
	public static ReadTagCostsRequest of(String billingInternalId, String startTime, String endTime) {
		return new ReadTagCostsRequest(billingInternalId, startTime, endTime, null, null);
	}

}
