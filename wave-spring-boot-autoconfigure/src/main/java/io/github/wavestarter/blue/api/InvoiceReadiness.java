package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1GetInvoiceReadinessResponse}: answer of {@code GET
 * /cost/v1/{vendor}/reports/invoicereadiness}.
 *
 * @param ready whether all usage of the month has an invoice id
 * @param reason why not, when not ready
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvoiceReadiness(@Nullable Boolean ready, @Nullable String reason) {
}
