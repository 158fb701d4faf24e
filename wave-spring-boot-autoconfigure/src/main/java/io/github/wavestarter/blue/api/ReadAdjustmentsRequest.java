package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code CostReadAdjustmentsBody}: body of {@code POST
 * /cost/v1/{vendor}/adjustments:read}. {@code null} fields are omitted from the JSON.
 *
 * @param groupId billing group internal id (ignored when {@code accountId} is set)
 * @param accountId account id
 * @param startTime UTC start date, {@code yyyymmdd} (default: first day of the current
 * month)
 * @param endTime UTC end date, {@code yyyymmdd} (default: today)
 * @param awsOptions AWS-specific options
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadAdjustmentsRequest(@Nullable String groupId, @Nullable String accountId, @Nullable String startTime,
		@Nullable String endTime, ReadAdjustmentsRequest.@Nullable AwsOptions awsOptions) {

	/**
	 * Spec {@code v1ReadAdjustmentsRequestAwsOptions}: AWS options of {@code
	 * adjustments:read}. {@code null} fields are omitted from the JSON.
	 *
	 * @param toCurrency target currency (default {@code USD})
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AwsOptions(@Nullable String toCurrency) {
	}

	/**
	 * Request for a date range of one account, or of a billing group when
	 * {@code accountId} is {@code null}.
	 * @param groupId the billing group internal id, or {@code null}
	 * @param accountId the account id, or {@code null}
	 * @param startTime start date, {@code yyyymmdd}
	 * @param endTime end date, {@code yyyymmdd}
	 * @return the request
	 */
	public static ReadAdjustmentsRequest of(@Nullable String groupId, @Nullable String accountId, String startTime,
			String endTime) {
		return new ReadAdjustmentsRequest(groupId, accountId, startTime, endTime, null);
	}

}
