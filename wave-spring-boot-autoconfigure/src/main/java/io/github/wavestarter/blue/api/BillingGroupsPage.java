package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1ListBillingGroupsPaginatedResponse}: a page of {@code GET
 * /billing/v1/billinggroups:paginated}.
 *
 * @param billingGroups the rows
 * @param totalCount total matching billing groups
 * @param currentPage current page (1-based)
 * @param pageSize page size
 * @param totalPages number of pages
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BillingGroupsPage(@Nullable List<BillingGroupsPage.Item> billingGroups, @Nullable Integer totalCount,
		@Nullable Integer currentPage, @Nullable Integer pageSize, @Nullable Integer totalPages) {

	/**
	 * Spec {@code v1BillingGroupListItem}.
	 *
	 * @param billingGroupName the name
	 * @param billingGroupId the billing group id
	 * @param companyName the company name
	 * @param billingGroupType e.g. {@code ACCOUNT}, {@code TAG}
	 * @param vendors per-vendor availability
	 * @param billingInternalId the internal id
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Item(@Nullable String billingGroupName, @Nullable String billingGroupId, @Nullable String companyName,
			@Nullable String billingGroupType, @Nullable List<BillingGroupsPage.Vendor> vendors,
			@Nullable String billingInternalId) {
	}

	/**
	 * Spec {@code BillingGroupListItemBillingGroupVendor}.
	 *
	 * @param vendor the vendor
	 * @param enabled whether active
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Vendor(@Nullable String vendor, @Nullable Boolean enabled) {
	}

}
