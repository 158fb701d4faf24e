package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code CostCalculateCostsBody}: body of {@code POST
 * /cost/v1/{vendor}/costs:calculate}. {@code null} fields are omitted from the JSON.
 *
 * @param groupId comma-separated billing internal ids; {@code null} for all billing
 * groups
 * @param month {@code yyyymm} (default: previous month)
 * @param awsOptions AWS-specific options
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalculateCostsRequest(@Nullable String groupId, @Nullable String month,
		CalculateCostsRequest.@Nullable AwsOptions awsOptions) {

	/**
	 * Spec {@code v1CalculateCostsRequestAwsOptions}. {@code null} fields are omitted
	 * from the JSON.
	 *
	 * @param force discard ongoing calculations
	 * @param accountsOnly account-type billing groups only
	 * @param tagsOnly tag-type billing groups only
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AwsOptions(@Nullable Boolean force, @Nullable Boolean accountsOnly, @Nullable Boolean tagsOnly) {
	}

	/**
	 * Request for one month.
	 * @param groupId billing internal id(s), or {@code null} for all
	 * @param month {@code yyyymm}
	 * @return the request
	 */
	public static CalculateCostsRequest of(@Nullable String groupId, String month) {
		return new CalculateCostsRequest(groupId, month, null);
	}

}
