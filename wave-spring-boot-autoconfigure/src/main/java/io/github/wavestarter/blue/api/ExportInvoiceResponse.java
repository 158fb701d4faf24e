package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1ExportInvoiceFileResponse}: answer of invoice export.
 *
 * @param url URL of the exported file
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportInvoiceResponse(@Nullable String url) {
}
