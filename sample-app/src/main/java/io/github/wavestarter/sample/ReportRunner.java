package io.github.wavestarter.sample;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.blue.api.ApiUser;
import io.github.wavestarter.blue.api.BillingApi;
import io.github.wavestarter.blue.api.CostApi;
import io.github.wavestarter.blue.api.GetInvoiceRequest;
import io.github.wavestarter.blue.api.IamApi;
import io.github.wavestarter.blue.api.InvoiceReadiness;
import io.github.wavestarter.blue.api.InvoiceSummary;
import io.github.wavestarter.blue.api.ListInvoicesRequest;
import io.github.wavestarter.blue.api.ReadCostsRequest;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Prints the report: whoami, the AWS accounts, this month's AWS costs (total and top
 * services) and the invoice totals per billing group of the latest month whose billing is
 * final. Failures of the Wave API are printed and turned into exit code 1.
 */
@Component
class ReportRunner implements ApplicationRunner, ExitCodeGenerator {

	static final String DEMO_BANNER = "DEMO DATA from the in-process Wave emulator - set ALPHAUS_CLIENT_ID/"
			+ "ALPHAUS_CLIENT_SECRET and run with --spring.profiles.active=wave for real data";

	/** {@code yyyymmdd}, the date format of {@code costs:read}. */
	static final DateTimeFormatter API_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	/** {@code yyyymm}, the month format of the invoice calls. */
	static final DateTimeFormatter INVOICE_MONTH = DateTimeFormatter.ofPattern("uuuuMM", Locale.ROOT);

	/** {@code yyyy-mm}, the month format of {@code reports/invoicereadiness}. */
	static final DateTimeFormatter READINESS_MONTH = DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT);

	/** Invoices read at the same time ({@code invoice/{date}:read} is one call each). */
	private static final int INVOICE_CONCURRENCY = 4;

	private static final int MAX_LISTED_ACCOUNTS = 10;

	private static final Duration TIMEOUT = Duration.ofMinutes(10);

	private final IamApi iam;

	private final CostApi costs;

	private final BillingApi billing;

	private final Clock clock;

	private final boolean demo;

	private final PrintStream out = System.out;

	private int exitCode;

	ReportRunner(IamApi iam, CostApi costs, BillingApi billing, Clock clock,
			@Value("${" + DemoBackend.DEMO_PROPERTY + ":false}") boolean demo) {
		this.iam = iam;
		this.costs = costs;
		this.billing = billing;
		this.clock = clock;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.demo) {
			this.out.println(DEMO_BANNER);
		}
		try {
			printWhoAmI();
			printAccounts();
			printCosts();
			printInvoices();
		}
		catch (BlueApiException ex) {
			System.err.println("Wave API call failed: " + ex.getMessage());
			this.exitCode = 1;
		}
		catch (RuntimeException ex) {
			// e.g. token request rejected (bad credentials) or a timeout
			System.err.println("Sample failed: " + ex);
			this.exitCode = 1;
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	private void printWhoAmI() {
		ApiUser user = this.iam.whoAmI().block(TIMEOUT);
		Map<String, String> metadata = (user != null && user.metadata() != null) ? user.metadata() : Map.of();
		StringBuilder line = new StringBuilder("Who am I:      ").append((user != null) ? user.id() : null);
		if (metadata.containsKey("email") || metadata.containsKey("orgId")) {
			line.append(" (email ").append(metadata.getOrDefault("email", "-"));
			line.append(", org ").append(metadata.getOrDefault("orgId", "-")).append(')');
		}
		this.out.println(line);
	}

	private void printAccounts() {
		AtomicLong seen = new AtomicLong();
		StringBuilder listed = new StringBuilder();
		Long count = this.costs.listAccounts("aws").doOnNext((account) -> {
			if (seen.getAndIncrement() < MAX_LISTED_ACCOUNTS) {
				listed.append(String.format(Locale.ROOT, "  %-14s %s%n", account.id(), account.name()));
			}
		}).count().block(TIMEOUT);
		this.out.println("AWS accounts:  " + count);
		this.out.print(listed);
		if (count != null && count > MAX_LISTED_ACCOUNTS) {
			this.out.println("  ... and " + (count - MAX_LISTED_ACCOUNTS) + " more");
		}
	}

	private void printCosts() {
		LocalDate today = LocalDate.now(this.clock);
		LocalDate first = today.withDayOfMonth(1);
		ReadCostsRequest request = ReadCostsRequest.of(null, first.format(API_DATE), today.format(API_DATE));
		CostReport report = CostReport.of(this.costs.readCosts("aws", request)).block(TIMEOUT);
		this.out.println("AWS costs " + first + " .. " + today + " (UTC), " + report.rows() + " rows");
		this.out.println("  Total:       " + money(report.total(), report.currency()));
		this.out.println("  Top " + report.topServices().size() + " of " + report.serviceCount() + " services:");
		for (CostReport.ServiceCost service : report.topServices()) {
			this.out.println(String.format(Locale.ROOT, "    %-22s %18s  %5s%%", service.service(),
					money(service.cost(), report.currency()), percent(service.cost(), report.total())));
		}
	}

	/**
	 * The invoices of this month if its AWS billing is final ({@code invoicereadiness}),
	 * else of last month: {@code invoice:read} lists one invoice per billing group, and
	 * {@code invoice/{date}:read} gives the amounts of each created one.
	 */
	private void printInvoices() {
		YearMonth thisMonth = YearMonth.now(this.clock);
		InvoiceReadiness readiness = this.costs.getInvoiceReadiness("aws", thisMonth.format(READINESS_MONTH))
			.block(TIMEOUT);
		boolean ready = readiness != null && Boolean.TRUE.equals(readiness.ready());
		YearMonth month = ready ? thisMonth : thisMonth.minusMonths(1);
		String yyyymm = month.format(INVOICE_MONTH);
		AtomicLong groups = new AtomicLong();
		// only created invoices have amounts; one invoice/{date}:read each
		Flux<InvoiceReport.GroupTotal> totals = this.billing.listInvoices(ListInvoicesRequest.of(yyyymm))
			.doOnNext((invoice) -> groups.incrementAndGet())
			.filter((invoice) -> Boolean.TRUE.equals(invoice.isCreated()) && invoice.billingInternalId() != null)
			.flatMap((invoice) -> invoiceTotals(yyyymm, invoice), INVOICE_CONCURRENCY);
		InvoiceReport report = InvoiceReport.of(totals).block(TIMEOUT);
		this.out.println("Invoices " + month + ", " + groups.get() + " billing groups");
		if (!ready) {
			this.out.println("  (" + thisMonth + " is not final yet: " + readiness(readiness) + ")");
		}
		for (InvoiceReport.GroupTotal total : report.top()) {
			this.out.println(String.format(Locale.ROOT, "    %-30s %18s", total.billingGroup(),
					money(total.total(), total.currency())));
		}
		if (report.more() > 0) {
			this.out.println("    ... and " + report.more() + " more");
		}
		if (report.totals().isEmpty()) {
			this.out.println("  No invoice created for " + month);
		}
		report.totals().forEach((currency, sum) -> this.out.println("  Grand total: " + money(sum, currency)));
	}

	private Flux<InvoiceReport.GroupTotal> invoiceTotals(String yyyymm, InvoiceSummary invoice) {
		String label = InvoiceReport.label(invoice);
		return this.billing.getInvoice(yyyymm, new GetInvoiceRequest(invoice.billingInternalId()))
			.flatMapIterable((detail) -> InvoiceReport.totals(label, detail));
	}

	private static String readiness(InvoiceReadiness readiness) {
		return (readiness != null && readiness.reason() != null && !readiness.reason().isBlank()) ? readiness.reason()
				: "not ready";
	}

	static String money(BigDecimal amount, String currency) {
		return String.format(Locale.ROOT, "%,.2f %s", amount, currency);
	}

	static String percent(BigDecimal part, BigDecimal total) {
		if (total.signum() == 0) {
			return "-";
		}
		return part.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP).toPlainString();
	}

}
