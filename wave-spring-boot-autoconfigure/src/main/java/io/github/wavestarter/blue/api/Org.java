package io.github.wavestarter.blue.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code apiRippleOrg}.
 *
 * @param name the unique name (id) of the organization
 * @param email the registered email
 * @param metadata organization metadata
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Org(@Nullable String name, @Nullable String email, @Nullable Map<String, String> metadata) {
}
