package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code apiKeyValue}.
 *
 * @param key the key
 * @param value the value
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeyValue(@Nullable String key, @Nullable String value) {
}
