package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1GetAccountBudgetResponse}: answer of {@code GET
 * /cost/v1/{vendor}/budget/{level}/{id}}.
 *
 * @param data the budget
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountBudgetResponse(@Nullable Budget data) {
}
