package io.github.wavestarter.sample;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.github.wavestarter.blue.api.Invoice;
import io.github.wavestarter.blue.api.InvoiceSummary;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Summary of a month's invoices: the billing groups with the highest invoice totals and
 * the grand total per currency.
 * <p>
 * {@link #totals(String, Invoice)} reads the totals of one invoice (the item
 * {@value #TOTAL_ITEM} of each vendor, "total billing amount including tax" in the API
 * reference); {@link #of(Flux, int)} sorts and sums them. Amounts are summed as
 * {@link BigDecimal}, exact for the decimal values the API sends.
 *
 * @param count number of group totals read (one per billing group and currency)
 * @param top the highest totals, highest first (ties by billing group, then currency)
 * @param more how many totals are not in {@link #top()}
 * @param totals grand total per currency, by currency code
 */
public record InvoiceReport(int count, List<GroupTotal> top, int more, Map<String, BigDecimal> totals) {

	/** Default number of totals in {@link #top()}. */
	public static final int TOP = 10;

	/** Name of the invoice item that holds the amount to bill. */
	public static final String TOTAL_ITEM = "total";

	/** Currency assumed when the invoice names none. */
	public static final String DEFAULT_CURRENCY = "USD";

	/**
	 * Invoice total of one billing group in one currency.
	 *
	 * @param billingGroup the billing group, as {@link #label(InvoiceSummary)} names it
	 * @param currency upper-case currency code, e.g. {@code USD}
	 * @param total the amount to bill
	 */
	public record GroupTotal(String billingGroup, String currency, BigDecimal total) {
	}

	/**
	 * The name to print for a billing group: its name, else its id, else its internal id.
	 * @param invoice a row of {@code invoice:read}
	 * @return the label
	 */
	public static String label(InvoiceSummary invoice) {
		for (String candidate : new String[] { invoice.billingGroupName(), invoice.billingGroupId(),
				invoice.billingInternalId() }) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate;
			}
		}
		return "(unnamed)";
	}

	/**
	 * The totals of one invoice: the {@value #TOTAL_ITEM} item of each vendor (AWS, GCP,
	 * Azure), summed per currency. The currency of an item is its own, else the vendor's
	 * invoice settings', else {@value #DEFAULT_CURRENCY}.
	 * @param billingGroup the label of the billing group
	 * @param invoice the answer of {@code invoice/{date}:read}
	 * @return one total per currency, by currency code; empty if the invoice has none
	 */
	public static List<GroupTotal> totals(String billingGroup, Invoice invoice) {
		Map<String, BigDecimal> byCurrency = new TreeMap<>();
		for (Invoice.VendorDetail vendor : new Invoice.VendorDetail[] { invoice.aws(), invoice.gcp(),
				invoice.azure() }) {
			if (vendor == null || vendor.total() == null) {
				continue;
			}
			String vendorCurrency = (vendor.settings() != null) ? vendor.settings().currency() : null;
			for (Invoice.Amount item : vendor.total()) {
				if (item != null && TOTAL_ITEM.equals(item.name())) {
					// proto3 JSON omits zero values: a missing amount is 0
					BigDecimal amount = (item.amount() != null) ? BigDecimal.valueOf(item.amount()) : BigDecimal.ZERO;
					byCurrency.merge(currency(item.currency(), vendorCurrency), amount, BigDecimal::add);
				}
			}
		}
		List<GroupTotal> totals = new ArrayList<>();
		byCurrency.forEach((currency, amount) -> totals.add(new GroupTotal(billingGroup, currency, amount)));
		return totals;
	}

	/**
	 * Sorts the totals and sums them per currency, keeping the top {@value #TOP}.
	 * @param totals the totals, e.g. from {@link #totals(String, Invoice)}
	 * @return the report, emitted when the stream completes
	 */
	public static Mono<InvoiceReport> of(Flux<GroupTotal> totals) {
		return of(totals, TOP);
	}

	/**
	 * Sorts the totals and sums them per currency.
	 * @param totals the totals
	 * @param top how many totals to keep in {@link #top()}
	 * @return the report, emitted when the stream completes
	 */
	public static Mono<InvoiceReport> of(Flux<GroupTotal> totals, int top) {
		return totals.collectList().map((all) -> of(all, top));
	}

	static InvoiceReport of(List<GroupTotal> all, int top) {
		List<GroupTotal> sorted = all.stream()
			.sorted(Comparator.comparing(GroupTotal::total)
				.reversed()
				.thenComparing(GroupTotal::billingGroup)
				.thenComparing(GroupTotal::currency))
			.toList();
		Map<String, BigDecimal> sums = new TreeMap<>();
		sorted.forEach((total) -> sums.merge(total.currency(), total.total(), BigDecimal::add));
		List<GroupTotal> kept = sorted.subList(0, Math.min(top, sorted.size()));
		return new InvoiceReport(sorted.size(), List.copyOf(kept), sorted.size() - kept.size(),
				Collections.unmodifiableMap(new LinkedHashMap<>(sums)));
	}

	private static String currency(String itemCurrency, String vendorCurrency) {
		for (String candidate : new String[] { itemCurrency, vendorCurrency }) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate.trim().toUpperCase(Locale.ROOT);
			}
		}
		return DEFAULT_CURRENCY;
	}

}
