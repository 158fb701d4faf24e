package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code ripplePayer}: a payer account with its members.
 *
 * @param id the payer account id
 * @param name the payer account name
 * @param metadata attributes
 * @param members the member accounts
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Payer(@Nullable String id, @Nullable String name, @Nullable List<KeyValue> metadata,
		@Nullable List<Account> members) {
}
