package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1ListCalculationsHistoryResponse}: answer of {@code GET
 * /cost/v1/{vendor}/calculations/history}.
 *
 * @param aws the AWS operations
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CalculationsHistory(CalculationsHistory.@Nullable Aws aws) {

	/**
	 * Spec {@code v1ListCalculationsHistoryAwsResponse}.
	 *
	 * @param operations the calculation operations
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Aws(@Nullable List<Operation> operations) {
	}

}
