package io.github.wavestarter.blue.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code apiAwsCost}. Numbers are proto3 doubles; proto3 JSON omits zero values, so
 * {@code null} means {@code 0}.
 *
 * @param account the account
 * @param groupId the group id
 * @param type the line item type
 * @param date {@code yyyy-mm-dd} (daily) or {@code yyyy-mm} (monthly)
 * @param productCode e.g. {@code AmazonEC2}
 * @param serviceCode the CUR service code
 * @param region the region
 * @param zone the zone
 * @param usageType the CUR usage type
 * @param instanceType the CUR instance type
 * @param operation the CUR operation
 * @param invoiceId the invoice id
 * @param description the description
 * @param resourceId the resource id
 * @param tags resource tags
 * @param costCategories cost categories
 * @param usage usage amount
 * @param cost the true (calculated) cost
 * @param unblendedCost the unblended cost
 * @param baseCurrency currency of the cost fields
 * @param exchangeRate base to target exchange rate
 * @param targetCost converted cost
 * @param targetUnblendedCost converted unblended cost
 * @param targetCurrency the target currency
 * @param effectiveCost effective cost
 * @param targetEffectiveCost converted effective cost
 * @param amortizedCost amortized cost
 * @param targetAmortizedCost converted amortized cost
 * @param tagId the tag id
 * @param timestamp last update (UNIX time, as string)
 * @param metadata extra metadata
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AwsCost(@Nullable String account, @Nullable String groupId, @Nullable String type, @Nullable String date,
		@Nullable String productCode, @Nullable String serviceCode, @Nullable String region, @Nullable String zone,
		@Nullable String usageType, @Nullable String instanceType, @Nullable String operation,
		@Nullable String invoiceId, @Nullable String description, @Nullable String resourceId,
		@Nullable Map<String, String> tags, @Nullable Map<String, String> costCategories, @Nullable Double usage,
		@Nullable Double cost, @Nullable Double unblendedCost, @Nullable String baseCurrency,
		@Nullable Double exchangeRate, @Nullable Double targetCost, @Nullable Double targetUnblendedCost,
		@Nullable String targetCurrency, @Nullable Double effectiveCost, @Nullable Double targetEffectiveCost,
		@Nullable Double amortizedCost, @Nullable Double targetAmortizedCost, @Nullable String tagId,
		@Nullable String timestamp, @Nullable List<KeyValue> metadata) {
}
