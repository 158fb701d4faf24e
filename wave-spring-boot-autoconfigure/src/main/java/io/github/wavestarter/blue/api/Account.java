package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code blueapiApiAccount}.
 *
 * @param vendor the vendor
 * @param id the account id
 * @param name the account name
 * @param orgId the parent organization id
 * @param billingInternalId the parent billing internal id
 * @param metadata account attributes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Account(@Nullable String vendor, @Nullable String id, @Nullable String name, @Nullable String orgId,
		@Nullable String billingInternalId, @Nullable List<KeyValue> metadata) {
}
