package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1ReadBudgetAlertsRequest}: body of {@code POST
 * /cost/v1/alerts:read}. {@code null} fields are omitted from the JSON.
 *
 * @param fieldMask optional field mask
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadBudgetAlertsRequest(@Nullable String fieldMask) {
}
