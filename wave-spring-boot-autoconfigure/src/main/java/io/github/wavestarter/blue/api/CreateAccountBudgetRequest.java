package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code CostCreateAccountBudgetBody}: body of {@code POST
 * /cost/v1/{vendor}/budget/{level}/{id}}. {@code null} fields are omitted from the JSON.
 *
 * @param data the budget
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateAccountBudgetRequest(@Nullable Budget data) {
}
