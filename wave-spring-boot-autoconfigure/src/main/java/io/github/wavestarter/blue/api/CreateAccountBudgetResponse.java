package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1CreateAccountBudgetResponse}: answer of budget creation.
 *
 * @param budgetId the budget id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateAccountBudgetResponse(@Nullable String budgetId) {
}
