package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1GetBillingGroupResponse}: answer of {@code GET
 * /billing/v1/billinggroups/{billingInternalId}}.
 *
 * @param billingGroup the billing group
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BillingGroupResponse(@Nullable BillingGroup billingGroup) {
}
