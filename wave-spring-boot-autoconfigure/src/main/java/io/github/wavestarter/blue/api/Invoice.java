package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Spec {@code apiInvoice}: an invoice, per vendor.
 *
 * @param aws AWS part
 * @param gcp GCP part
 * @param azure Azure part
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Invoice(Invoice.@Nullable VendorDetail aws, Invoice.@Nullable VendorDetail gcp,
		Invoice.@Nullable VendorDetail azure) {

	/**
	 * Spec {@code apiVendorDetail}.
	 *
	 * @param details account-by-account details
	 * @param groupDetails fee items
	 * @param groupCustomDetails custom items
	 * @param total totals
	 * @param settings invoice settings
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record VendorDetail(@Nullable List<JsonNode> details, @Nullable List<Invoice.Amount> groupDetails,
			@Nullable List<Invoice.Amount> groupCustomDetails, @Nullable List<Invoice.Amount> total,
			Invoice.@Nullable Settings settings) {
	}

	/**
	 * Spec {@code apiInvoiceTotal}: also {@code apiGroupDetails} and {@code
	 * apiGroupCustomDetails}.
	 *
	 * @param name the item, e.g. {@code chargeOnly}
	 * @param currency the currency
	 * @param amount the amount
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Amount(@Nullable String name, @Nullable String currency, @Nullable Double amount) {
	}

	/**
	 * Spec {@code blueapiApiInvoiceSettings}.
	 *
	 * @param groupId billing group id
	 * @param groupName billing group name
	 * @param currency currency
	 * @param dueDate due date
	 * @param exchangeRate exchange rate
	 * @param invoiceNo invoice number
	 * @param language language
	 * @param title title
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Settings(@Nullable String groupId, @Nullable String groupName, @Nullable String currency,
			@Nullable String dueDate, @Nullable Double exchangeRate, @Nullable String invoiceNo,
			@Nullable String language, @Nullable String title) {
	}

}
