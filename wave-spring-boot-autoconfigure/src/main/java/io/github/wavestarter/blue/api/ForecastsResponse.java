package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1GetForecastsResponse}: answer of {@code GET /cost/v1/{vendor}/forecasts}.
 *
 * @param data the forecast
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ForecastsResponse(ForecastsResponse.@Nullable BillingGroupForecast data) {

	/**
	 * Spec {@code apiBillingGroupForecast}.
	 *
	 * @param billingInternalId the billing group
	 * @param data the data points
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record BillingGroupForecast(@Nullable String billingInternalId,
			@Nullable List<ForecastsResponse.ForecastData> data) {
	}

	/**
	 * Spec {@code apiForecastData}: one data point; historical up to the previous month,
	 * forecast after.
	 *
	 * @param accountId account id
	 * @param productCategory product category
	 * @param productCode product code
	 * @param frequency {@code daily} or {@code monthly}
	 * @param date the date
	 * @param historicalCost historical cost
	 * @param forecastedCost forecasted cost
	 * @param upperBound upper bound
	 * @param lowerBound lower bound
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ForecastData(@Nullable String accountId, @Nullable String productCategory,
			@Nullable String productCode, @Nullable String frequency, @Nullable String date,
			@Nullable Double historicalCost, @Nullable Double forecastedCost, @Nullable Double upperBound,
			@Nullable Double lowerBound) {
	}

}
