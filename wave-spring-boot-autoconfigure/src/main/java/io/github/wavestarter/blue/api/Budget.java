package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code blueapiApiBudget}: the monthly budget of an account or account group for a
 * fiscal year. {@code null} fields are omitted from the JSON.
 *
 * @param id account or account group id
 * @param fiscalYear {@code yyyy}
 * @param monthlyBudget the monthly amounts
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Budget(@Nullable String id, @Nullable String fiscalYear,
		@Nullable List<Budget.MonthlyBudget> monthlyBudget) {

	/**
	 * Spec {@code apiMonthlyBudget}. {@code null} fields are omitted from the JSON.
	 *
	 * @param yearMonth {@code yyyymm}
	 * @param amount the amount
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record MonthlyBudget(@Nullable String yearMonth, @Nullable Double amount) {
	}

}
