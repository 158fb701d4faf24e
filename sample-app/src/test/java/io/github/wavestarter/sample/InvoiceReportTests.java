package io.github.wavestarter.sample;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.wavestarter.blue.api.Invoice;
import io.github.wavestarter.blue.api.Invoice.Amount;
import io.github.wavestarter.blue.api.Invoice.VendorDetail;
import io.github.wavestarter.blue.api.InvoiceSummary;
import io.github.wavestarter.sample.InvoiceReport.GroupTotal;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceReportTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	@Test
	void highestTotalFirstTiesByBillingGroupThenCurrency() {
		InvoiceReport report = InvoiceReport
			.of(Flux.just(total("b", "USD", "5"), total("a", "USD", "20.5"), total("c", "JPY", "5"),
					total("c", "EUR", "5"), total("d", "USD", "0")))
			.block(BLOCK);

		assertThat(report.top()).containsExactly(total("a", "USD", "20.5"), total("b", "USD", "5"),
				total("c", "EUR", "5"), total("c", "JPY", "5"), total("d", "USD", "0"));
		assertThat(report.count()).isEqualTo(5);
		assertThat(report.more()).isZero();
	}

	@Test
	void keepsTheTopTenAndCountsTheRest() {
		Flux<GroupTotal> totals = Flux
			.fromStream(IntStream.rangeClosed(1, 13).mapToObj((i) -> total("group-" + i, "USD", String.valueOf(i))));

		InvoiceReport report = InvoiceReport.of(totals).block(BLOCK);

		assertThat(report.top()).hasSize(InvoiceReport.TOP);
		assertThat(report.top()).extracting(GroupTotal::billingGroup)
			.containsExactly("group-13", "group-12", "group-11", "group-10", "group-9", "group-8", "group-7", "group-6",
					"group-5", "group-4");
		assertThat(report.more()).isEqualTo(3);
		assertThat(report.count()).isEqualTo(13);
		// the grand total includes the groups that are not listed: 1 + 2 + ... + 13
		assertThat(report.totals()).containsOnlyKeys("USD");
		assertThat(report.totals().get("USD")).isEqualByComparingTo("91");
	}

	@Test
	void grandTotalPerCurrencyIsExactAndOrderedByCurrency() {
		InvoiceReport report = InvoiceReport.of(Flux.just(total("a", "USD", "0.1"), total("b", "JPY", "1000"),
				total("c", "USD", "0.2"), total("d", "EUR", "3.5")), 2)
			.block(BLOCK);

		assertThat(report.totals()).containsExactly(Map.entry("EUR", new BigDecimal("3.5")),
				Map.entry("JPY", new BigDecimal("1000")), Map.entry("USD", new BigDecimal("0.3")));
		assertThat(report.top()).extracting(GroupTotal::billingGroup).containsExactly("b", "d");
		assertThat(report.more()).isEqualTo(2);
	}

	@Test
	void emptyStream() {
		InvoiceReport report = InvoiceReport.of(Flux.empty()).block(BLOCK);

		assertThat(report).isEqualTo(new InvoiceReport(0, List.of(), 0, Map.of()));
	}

	@Test
	void totalsOfAnInvoiceAreTheTotalItemOfEachVendorPerCurrency() {
		VendorDetail aws = vendor(null, new Amount("chargeOnly", "USD", 90.0), new Amount("supportFee", "USD", 10.0),
				new Amount("total", "USD", 100.25));
		VendorDetail gcp = vendor(null, new Amount("total", "usd", 0.5));
		VendorDetail azure = vendor("JPY", new Amount("total", null, 1500.0));

		List<GroupTotal> totals = InvoiceReport.totals("group", new Invoice(aws, gcp, azure));

		assertThat(totals).containsExactly(total("group", "JPY", "1500.0"), total("group", "USD", "100.75"));
	}

	@Test
	void missingAmountIsZeroAndMissingCurrencyIsUsd() {
		List<GroupTotal> totals = InvoiceReport.totals("group",
				new Invoice(vendor(null, new Amount("total", null, null)), null, null));

		assertThat(totals).containsExactly(new GroupTotal("group", "USD", BigDecimal.ZERO));
	}

	@Test
	void invoiceWithoutTotalsHasNone() {
		assertThat(InvoiceReport.totals("group", new Invoice(null, null, null))).isEmpty();
		assertThat(InvoiceReport.totals("group",
				new Invoice(new VendorDetail(null, null, null, null, null), vendor(null), null)))
			.isEmpty();
	}

	@Test
	void labelIsTheNameElseTheIdElseTheInternalId() {
		assertThat(InvoiceReport.label(summary("internal", "BG-1", "Main"))).isEqualTo("Main");
		assertThat(InvoiceReport.label(summary("internal", "BG-1", " "))).isEqualTo("BG-1");
		assertThat(InvoiceReport.label(summary("internal", null, null))).isEqualTo("internal");
		assertThat(InvoiceReport.label(summary(null, null, null))).isEqualTo("(unnamed)");
	}

	private static GroupTotal total(String group, String currency, String amount) {
		return new GroupTotal(group, currency, new BigDecimal(amount));
	}

	private static VendorDetail vendor(String settingsCurrency, Amount... totals) {
		Invoice.Settings settings = (settingsCurrency != null)
				? new Invoice.Settings(null, null, settingsCurrency, null, null, null, null, null) : null;
		return new VendorDetail(null, null, null, List.of(totals), settings);
	}

	private static InvoiceSummary summary(String internalId, String groupId, String name) {
		return new InvoiceSummary(internalId, groupId, name, null, null, true, null, null, null, null, null, null, null,
				null, null, null, null);
	}

}
