package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code blueapiBillingV1ListExchangeRatesResponse}: answer of {@code GET
 * /billing/v1/{vendor}/exchangerate/{month}}.
 *
 * @param month the month
 * @param common the common rates
 * @param billingGroup per billing group
 * @param payer per payer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExchangeRates(@Nullable String month, ExchangeRates.@Nullable Common common,
		@Nullable List<ExchangeRates.BillingGroupRates> billingGroup, ExchangeRates.@Nullable PayerRates payer) {

	/**
	 * Spec {@code rippleExchangeRate}.
	 *
	 * @param currency the currency code
	 * @param rate the rate
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Rate(@Nullable String currency, @Nullable Double rate) {
	}

	/**
	 * Spec {@code rippleCommonExchangeRate}.
	 *
	 * @param aws AWS
	 * @param gcp GCP
	 * @param azure Azure
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Common(@Nullable List<ExchangeRates.Rate> aws, @Nullable List<ExchangeRates.Rate> gcp,
			@Nullable List<ExchangeRates.Rate> azure) {
	}

	/**
	 * Spec {@code rippleBillingGroupExchangeRate}.
	 *
	 * @param billingInternalId internal id
	 * @param billingGroupId id
	 * @param billingGroupName name
	 * @param exchangeRate the rates
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record BillingGroupRates(@Nullable String billingInternalId, @Nullable String billingGroupId,
			@Nullable String billingGroupName, @Nullable List<ExchangeRates.Rate> exchangeRate) {
	}

	/**
	 * Spec {@code rippleVendorPayerExchangeRate}.
	 *
	 * @param aws AWS
	 * @param gcp GCP
	 * @param azure Azure
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record PayerRates(@Nullable List<ExchangeRates.Payer> aws, @Nullable List<ExchangeRates.Payer> gcp,
			@Nullable List<ExchangeRates.Payer> azure) {
	}

	/**
	 * Spec {@code ripplePayerExchangeRate}.
	 *
	 * @param payerAccountId payer id
	 * @param payerAccountName payer name
	 * @param exchangeRate the rates
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Payer(@Nullable String payerAccountId, @Nullable String payerAccountName,
			@Nullable List<ExchangeRates.Rate> exchangeRate) {
	}

}
