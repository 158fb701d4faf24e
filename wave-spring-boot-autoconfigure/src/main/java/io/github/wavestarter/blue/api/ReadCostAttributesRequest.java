package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code CostReadCostAttributesBody}: body of {@code POST
 * /cost/v1/{vendor}/costattrs:read}. {@code null} fields are omitted from the JSON.
 *
 * @param groupId billing group internal id (Ripple)
 * @param accountId account id or comma-separated ids
 * @param startTime start date, {@code yyyymmdd}
 * @param endTime end date, {@code yyyymmdd}
 * @param awsOptions AWS-specific options
 * @param azureOptions Azure-specific options
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadCostAttributesRequest(@Nullable String groupId, @Nullable String accountId,
		@Nullable String startTime, @Nullable String endTime, ReadCostAttributesRequest.@Nullable AwsOptions awsOptions,
		ReadCostAttributesRequest.@Nullable AzureOptions azureOptions) {

	/**
	 * Spec {@code v1ReadCostAttributesRequestAwsOptions}: AWS options of {@code
	 * costattrs:read}. {@code null} fields are omitted from the JSON.
	 *
	 * @param dimensions comma-separated dimensions, e.g. {@code productCode,region}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AwsOptions(@Nullable String dimensions) {
	}

	/**
	 * Spec {@code v1ReadCostAttributesRequestAzureOptions}: Azure options of {@code
	 * costattrs:read}. {@code null} fields are omitted from the JSON.
	 *
	 * @param customerId customer id(s)
	 * @param subscriptionId subscription id(s)
	 * @param entitlementId entitlement id(s)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AzureOptions(@Nullable String customerId, @Nullable String subscriptionId,
			@Nullable String entitlementId) {
	}

	/**
	 * Request for a date range of the given account(s).
	 * @param accountId account id(s), or {@code null}
	 * @param startTime start date, {@code yyyymmdd}
	 * @param endTime end date, {@code yyyymmdd}
	 * @return the request
	 */
	public static ReadCostAttributesRequest of(@Nullable String accountId, String startTime, String endTime) {
		return new ReadCostAttributesRequest(null, accountId, startTime, endTime, null, null);
	}

}
