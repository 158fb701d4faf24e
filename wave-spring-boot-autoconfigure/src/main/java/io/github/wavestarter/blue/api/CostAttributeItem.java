package io.github.wavestarter.blue.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1CostAttributeItem}: one row of {@code costattrs:read}; one vendor field
 * is set.
 *
 * @param aws AWS attributes
 * @param azure Azure attributes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CostAttributeItem(CostAttributeItem.@Nullable Aws aws, CostAttributeItem.@Nullable Azure azure) {

	/**
	 * Spec {@code apiAwsCostAttribute}.
	 *
	 * @param account the account
	 * @param groupId the group id
	 * @param productCode product code
	 * @param serviceCode service code
	 * @param region region
	 * @param zone zone
	 * @param usageType usage type
	 * @param instanceType instance type
	 * @param operation operation
	 * @param invoiceId invoice id
	 * @param description description
	 * @param resourceId resource id
	 * @param tags tags
	 * @param costCategories cost categories
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Aws(@Nullable String account, @Nullable String groupId, @Nullable String productCode,
			@Nullable String serviceCode, @Nullable String region, @Nullable String zone, @Nullable String usageType,
			@Nullable String instanceType, @Nullable String operation, @Nullable String invoiceId,
			@Nullable String description, @Nullable String resourceId, @Nullable Map<String, String> tags,
			@Nullable Map<String, String> costCategories) {
	}

	/**
	 * Spec {@code apiAzureCostAttribute}.
	 *
	 * @param customerId customer id
	 * @param subscriptionId subscription id
	 * @param entitlementId entitlement id
	 * @param groupId group id
	 * @param productId product id
	 * @param productName product name
	 * @param skuId SKU id
	 * @param skuName SKU name
	 * @param description description
	 * @param category category
	 * @param domainName domain name
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Azure(@Nullable String customerId, @Nullable String subscriptionId, @Nullable String entitlementId,
			@Nullable String groupId, @Nullable String productId, @Nullable String productName, @Nullable String skuId,
			@Nullable String skuName, @Nullable String description, @Nullable String category,
			@Nullable String domainName) {
	}

}
