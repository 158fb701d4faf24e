package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code CostReadNonTagCostsBody}: body of {@code POST
 * /cost/v1/{vendor}/nontagcosts:read}. {@code null} fields are omitted from the JSON.
 *
 * @param billingInternalId required: the billing group internal id
 * @param startTime start date, {@code yyyymmdd} (default: first day of the current month)
 * @param endTime end date, {@code yyyymmdd} (default: today)
 * @param groupByMonths group by months in the range
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadNonTagCostsRequest(@Nullable String billingInternalId, @Nullable String startTime,
		@Nullable String endTime, @Nullable Boolean groupByMonths) {

	/**
	 * Request for a date range of a billing group.
	 * @param billingInternalId the billing group internal id
	 * @param startTime start date, {@code yyyymmdd}
	 * @param endTime end date, {@code yyyymmdd}
	 * @return the request
	 */
	public static ReadNonTagCostsRequest of(String billingInternalId, String startTime, String endTime) {
		return new ReadNonTagCostsRequest(billingInternalId, startTime, endTime, null);
	}

}
