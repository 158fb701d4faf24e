package io.github.wavestarter.blue.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code blueapiApiUser}.
 *
 * @param id the user's unique id
 * @param parent the parent user ({@code null}/empty for a root user)
 * @param metadata user attributes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiUser(@Nullable String id, @Nullable String parent, @Nullable Map<String, String> metadata) {
}
