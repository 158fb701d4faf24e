package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1AnomalyAlertData}: an anomaly alert.
 *
 * @param id alert id
 * @param orgId organization id
 * @param name name
 * @param alertEnabled enabled
 * @param frequency frequency
 * @param costGroupId the cost group
 * @param channels notification channels
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnomalyAlert(@Nullable String id, @Nullable String orgId, @Nullable String name,
		@Nullable Boolean alertEnabled, @Nullable String frequency, AnomalyAlert.@Nullable CostGroup costGroupId,
		AnomalyAlert.@Nullable Channels channels) {

	/**
	 * Spec {@code coverAlertCostGroup}.
	 *
	 * @param id cost group id
	 * @param name cost group name
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CostGroup(@Nullable String id, @Nullable String name) {
	}

	/**
	 * Spec {@code coverAlertChannels}.
	 *
	 * @param email email
	 * @param slack Slack
	 * @param msteams Teams
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Channels(@Nullable List<AnomalyAlert.Channel> email, @Nullable List<AnomalyAlert.Channel> slack,
			@Nullable List<AnomalyAlert.Channel> msteams) {
	}

	/**
	 * Spec {@code coverAlertChannel}.
	 *
	 * @param id channel id
	 * @param name channel name
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Channel(@Nullable String id, @Nullable String name) {
	}

}
