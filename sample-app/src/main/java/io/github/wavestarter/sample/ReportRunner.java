package io.github.wavestarter.sample;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.blue.api.ApiUser;
import io.github.wavestarter.blue.api.CostApi;
import io.github.wavestarter.blue.api.IamApi;
import io.github.wavestarter.blue.api.ReadCostsRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Prints the report: whoami, the AWS accounts, and this month's AWS costs (total and top
 * services). Failures of the Wave API are printed and turned into exit code 1.
 */
@Component
class ReportRunner implements ApplicationRunner, ExitCodeGenerator {

	static final String DEMO_BANNER = "DEMO DATA from the in-process Wave emulator - set ALPHAUS_CLIENT_ID/"
			+ "ALPHAUS_CLIENT_SECRET and run with --spring.profiles.active=wave for real data";

	/** {@code yyyymmdd}, the date format of {@code costs:read}. */
	static final DateTimeFormatter API_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final int MAX_LISTED_ACCOUNTS = 10;

	private static final Duration TIMEOUT = Duration.ofMinutes(10);

	private final IamApi iam;

	private final CostApi costs;

	private final Clock clock;

	private final boolean demo;

	private final PrintStream out = System.out;

	private int exitCode;

	ReportRunner(IamApi iam, CostApi costs, Clock clock,
			@Value("${" + DemoBackend.DEMO_PROPERTY + ":false}") boolean demo) {
		this.iam = iam;
		this.costs = costs;
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
