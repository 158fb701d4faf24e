package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1BudgetAlerts}: a budget alert.
 *
 * @param id budget alert id
 * @param vendor the vendor
 * @param accounts the accounts
 * @param notification notification settings
 * @param daily daily threshold
 * @param dailyRate daily rate increase threshold
 * @param monthly monthly threshold
 * @param customPeriod custom period threshold
 * @param customMonth custom month threshold
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BudgetAlert(@Nullable String id, @Nullable String vendor, @Nullable List<Account> accounts,
		BudgetAlert.@Nullable Notification notification, BudgetAlert.@Nullable Threshold daily,
		BudgetAlert.@Nullable Threshold dailyRate, BudgetAlert.@Nullable Threshold monthly,
		BudgetAlert.@Nullable CustomPeriod customPeriod, BudgetAlert.@Nullable CustomMonth customMonth) {

	/**
	 * Spec {@code apiBudgetAlertNotificationDetail}.
	 *
	 * @param channels the channels
	 * @param enabled whether alerts are sent
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Notification(@Nullable List<BudgetAlert.Channel> channels, @Nullable Boolean enabled) {
	}

	/**
	 * Spec {@code apiNotificationChannel}.
	 *
	 * @param id channel id
	 * @param enabled enabled
	 * @param name name
	 * @param type type
	 * @param product product
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Channel(@Nullable String id, @Nullable Boolean enabled, @Nullable String name, @Nullable String type,
			@Nullable String product) {
	}

	/**
	 * Spec {@code apiDailyBudgetAlert}: also {@code apiDailyRateIncreaseBudgetAlert} and
	 * {@code apiMonthlyBudgetAlert}.
	 *
	 * @param value the threshold
	 * @param enabled enabled
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Threshold(@Nullable Double value, @Nullable Boolean enabled) {
	}

	/**
	 * Spec {@code apiCustomPeriodBudgetAlert}.
	 *
	 * @param value the threshold
	 * @param enabled enabled
	 * @param startDate start date
	 * @param endDate end date
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CustomPeriod(@Nullable Double value, @Nullable Boolean enabled, @Nullable String startDate,
			@Nullable String endDate) {
	}

	/**
	 * Spec {@code apiCustomMonthBudgetAlert}.
	 *
	 * @param value the threshold
	 * @param enabled enabled
	 * @param startDay start day
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CustomMonth(@Nullable Double value, @Nullable Boolean enabled, @Nullable String startDay) {
	}

}
