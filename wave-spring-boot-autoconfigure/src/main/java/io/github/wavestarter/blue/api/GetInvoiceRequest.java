package io.github.wavestarter.blue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code BillingGetInvoiceBody}: body of {@code POST
 * /billing/v1/invoice/{date}:read}. {@code null} fields are omitted from the JSON.
 *
 * @param groupId required: the billing internal id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetInvoiceRequest(@Nullable String groupId) {
}
