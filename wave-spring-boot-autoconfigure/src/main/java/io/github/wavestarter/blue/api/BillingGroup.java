package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Spec {@code billingV1BillingGroup}: a billing group (main fields; settings as JSON
 * trees).
 *
 * @param billingInternalId the internal id
 * @param billingGroupId the billing group id
 * @param billingGroupName the name
 * @param companyName the company name
 * @param type AWS only: {@code default} or {@code imported}
 * @param hasChild whether it has child billing groups
 * @param billingGroupInfo billing group info
 * @param accountOptions account options
 * @param accounts the accounts
 * @param tags the tags
 * @param invoiceSettings invoice settings
 * @param additionalItems additional items
 * @param awsOptions AWS options
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BillingGroup(@Nullable String billingInternalId, @Nullable String billingGroupId,
		@Nullable String billingGroupName, @Nullable String companyName, @Nullable String type,
		@Nullable Boolean hasChild, @Nullable JsonNode billingGroupInfo, @Nullable JsonNode accountOptions,
		@Nullable List<Account> accounts, @Nullable List<CostTag> tags, @Nullable JsonNode invoiceSettings,
		@Nullable JsonNode additionalItems, @Nullable JsonNode awsOptions) {
}
