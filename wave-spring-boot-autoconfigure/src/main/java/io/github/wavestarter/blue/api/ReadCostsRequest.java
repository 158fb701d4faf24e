package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code CostReadCostsBody}: body of {@code POST /cost/v1/{vendor}/costs:read}. All
 * fields are optional; {@code null} fields are omitted from the JSON.
 *
 * @param groupId billing group internal id ({@code billingInternalId}, Ripple users;
 * {@code "*"} with {@code accountId} {@code "*"} for the whole organization)
 * @param accountId a single account or comma-separated list
 * @param startTime UTC start date, {@code yyyymmdd} or {@code yyyymm}
 * @param endTime UTC end date, {@code yyyymmdd} or {@code yyyymm}
 * @param awsOptions AWS-specific options
 * @param gcpOptions GCP-specific options
 * @param azureOptions Azure-specific options
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadCostsRequest(@Nullable String groupId, @Nullable String accountId, @Nullable String startTime,
		@Nullable String endTime, @Nullable AwsOptions awsOptions, @Nullable GcpOptions gcpOptions,
		@Nullable AzureOptions azureOptions) {

	/**
	 * Convenience factory for a date range on the given account(s).
	 * @param accountId account id(s), may be {@code null}
	 * @param startTime start date, {@code yyyymmdd} (e.g. {@code "20261101"}) or
	 * {@code yyyymm}
	 * @param endTime end date, {@code yyyymmdd} or {@code yyyymm}
	 * @return the request
	 */
	public static ReadCostsRequest of(@Nullable String accountId, String startTime, String endTime) {
		return new ReadCostsRequest(null, accountId, startTime, endTime, null, null, null);
	}

	/**
	 * Copy for a billing group, as Ripple users read the costs of one.
	 * @param groupId the billing group internal id ({@code billingInternalId} of
	 * {@code GET /billing/v1/billinggroups})
	 * @return a new request
	 */
	public ReadCostsRequest withGroupId(String groupId) {
		return new ReadCostsRequest(groupId, this.accountId, this.startTime, this.endTime, this.awsOptions,
				this.gcpOptions, this.azureOptions);
	}

	/**
	 * Copy with AWS options.
	 * @param options the options
	 * @return a new request
	 */
	public ReadCostsRequest withAwsOptions(AwsOptions options) {
		return new ReadCostsRequest(this.groupId, this.accountId, this.startTime, this.endTime, options,
				this.gcpOptions, this.azureOptions);
	}

}
