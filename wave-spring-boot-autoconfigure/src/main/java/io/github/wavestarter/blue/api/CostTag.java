package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code apiCostTag}: a cost tag.
 *
 * @param id the cost tag id
 * @param orgId the organization id
 * @param billingInternalId the billing internal id
 * @param vendor the vendor
 * @param accountId the account id
 * @param logic {@code and} or {@code or}
 * @param tags the key/value pairs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CostTag(@Nullable String id, @Nullable String orgId, @Nullable String billingInternalId,
		@Nullable String vendor, @Nullable String accountId, @Nullable String logic, @Nullable List<KeyValue> tags) {
}
