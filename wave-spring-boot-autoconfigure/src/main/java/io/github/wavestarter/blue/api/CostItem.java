package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code blueapiCostV1CostItem}: exactly one of the vendor fields is set.
 *
 * @param aws AWS row
 * @param gcp GCP row
 * @param azure Azure row
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CostItem(@Nullable AwsCost aws, @Nullable GcpCost gcp, @Nullable AzureCost azure) {
}
