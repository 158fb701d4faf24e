package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code BillingExportInvoiceFileBody}: body of {@code POST
 * /billing/v1/invoice/{date}:export}. {@code null} fields are omitted from the JSON.
 *
 * @param groupId billing internal id(s), comma-separated
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportInvoiceRequest(@Nullable String groupId) {
}
