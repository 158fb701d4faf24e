package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code rippleReseller}: a reseller.
 *
 * @param id reseller id
 * @param email email
 * @param groupId billing internal id or access group id
 * @param groupName group name
 * @param groupType {@code billing_group} or {@code access_group}
 * @param waveStatus Wave status
 * @param waveConfig Wave feature config
 * @param aquaConfig Aqua feature config
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reseller(@Nullable String id, @Nullable String email, @Nullable String groupId,
		@Nullable String groupName, @Nullable String groupType, @Nullable String waveStatus,
		@Nullable List<Reseller.Config> waveConfig, @Nullable List<Reseller.Config> aquaConfig) {

	/**
	 * Spec {@code rippleResellerConfig}.
	 *
	 * @param key the feature
	 * @param value the value
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Config(@Nullable String key, @Nullable Boolean value) {
	}

}
