package io.github.wavestarter.sample;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.wavestarter.test.MockWaveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Runs the sample end to end, exactly as {@code main} does (minus {@code System.exit}),
 * and checks its report against values computed independently from the emulator's raw
 * HTTP answers, without the starter.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	private static final Pattern PERIOD = Pattern.compile(
			"^AWS costs (\\d{4}-\\d{2}-\\d{2}) \\.\\. (\\d{4}-\\d{2}-\\d{2}) \\(UTC\\), (\\d+) rows$",
			Pattern.MULTILINE);

	private static final Pattern TOTAL = Pattern.compile("^  Total:\\s+([\\d,.]+) (\\w+)$", Pattern.MULTILINE);

	private static final Pattern SERVICE = Pattern.compile("^    (\\S+)\\s+([\\d,.]+) USD\\s+([\\d.]+)%$",
			Pattern.MULTILINE);

	private static final Pattern INVOICES = Pattern.compile("^Invoices (\\d{4}-\\d{2}), (\\d+) billing groups$",
			Pattern.MULTILINE);

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	@Test
	void demoReportMatchesTheEmulatorData(CapturedOutput output) throws Exception {
		LocalDate before = LocalDate.now(ZoneOffset.UTC);
		String emulatorBaseUrl;
		try (ConfigurableApplicationContext context = SampleApplication.run()) {
			emulatorBaseUrl = context.getEnvironment().getProperty("wave.base-url");
			assertThat(SpringApplication.exit(context)).isZero();
		}
		LocalDate after = LocalDate.now(ZoneOffset.UTC);
		String out = output.getOut();

		assertThat(out).contains(ReportRunner.DEMO_BANNER);
		assertThat(out.indexOf(ReportRunner.DEMO_BANNER)).isLessThan(out.indexOf("Who am I:"));
		assertThat(output.getErr()).doesNotContain("failed");

		// the period is this month up to today (UTC)
		Matcher period = PERIOD.matcher(out);
		assertThat(period.find()).as("period line in:%n%s", out).isTrue();
		LocalDate today = LocalDate.parse(period.group(2));
		assertThat(today).isIn(before, after);
		assertThat(LocalDate.parse(period.group(1))).isEqualTo(today.withDayOfMonth(1));

		// expected values from a second emulator (its data is deterministic), read
		// without the starter
		Expected expected;
		try (MockWaveServer wave = MockWaveServer.start()) {
			expected = expected(wave, today.withDayOfMonth(1), today);
		}
		assertThat(expected.notReadyReason).isNotEmpty();
		assertThat(expected.invoiceSection.get(0)).startsWith("Invoices " + YearMonth.from(today).minusMonths(1));

		assertThat(out).contains("Who am I:      " + expected.whoAmI + " (email ");
		assertThat(out).contains("AWS accounts:  " + expected.accountIds.size());
		for (String id : expected.accountIds) {
			assertThat(out).containsPattern("(?m)^  " + id + " +\\S");
		}
		assertThat(Long.parseLong(period.group(3))).isEqualTo(expected.rows);

		Matcher total = TOTAL.matcher(out);
		assertThat(total.find()).as("total line in:%n%s", out).isTrue();
		assertThat(total.group(1)).isEqualTo(money(expected.total));
		assertThat(total.group(2)).isEqualTo("USD");

		assertThat(out).contains("Top 5 of " + expected.byService.size() + " services:");
		List<String> printed = new ArrayList<>();
		Matcher service = SERVICE.matcher(out);
		while (service.find()) {
			printed.add(service.group(1) + " " + service.group(2));
		}
		List<String> top5 = expected.byService.entrySet()
			.stream()
			.sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(5)
			.map((e) -> e.getKey() + " " + money(e.getValue()))
			.toList();
		assertThat(printed).containsExactlyElementsOf(top5);

		// the invoices of last month: the emulator's current month is never final
		YearMonth thisMonth = YearMonth.from(today);
		assertThat(out).contains("  (" + thisMonth + " is not final yet: " + expected.notReadyReason + ")");
		assertThat(invoiceSection(out)).containsExactlyElementsOf(expected.invoiceSection);

		// the emulator was closed with the context
		assertThatExceptionOfType(ConnectException.class).isThrownBy(
				() -> this.http.send(HttpRequest.newBuilder(URI.create(emulatorBaseUrl + "/iam/v1/whoami")).build(),
						HttpResponse.BodyHandlers.discarding()));
	}

	@Test
	void configuredCredentialsWithoutTheProfileStillUseTheEmulator(CapturedOutput output) {
		try (ConfigurableApplicationContext context = SampleApplication.run("--wave.client-id=my-real-id",
				"--wave.client-secret=my-real-secret")) {
			assertThat(SpringApplication.exit(context)).isZero();
		}

		assertThat(output.getOut()).contains(ReportRunner.DEMO_BANNER)
			.contains("Who am I:      " + MockWaveServer.DEFAULT_CLIENT_ID)
			.doesNotContain("my-real");
		assertThat(output).contains("profile 'wave' is not active");
	}

	@Test
	void waveProfileUsesTheConfiguredEndpointsAndCredentials(CapturedOutput output) {
		try (MockWaveServer real = MockWaveServer.builder()
			.clientId("real-client")
			.clientSecret("real-secret")
			.orgName("acme")
			.start()) {
			try (ConfigurableApplicationContext context = SampleApplication.run("--spring.profiles.active=wave",
					"--wave.token-uri=" + real.tokenUri(), "--wave.base-url=" + real.baseUrl(),
					"--wave.client-id=real-client", "--wave.client-secret=real-secret")) {
				assertThat(SpringApplication.exit(context)).isZero();
			}

			assertThat(output.getOut()).doesNotContain("DEMO DATA")
				.contains("Who am I:      real-client (email real-client@acme.example, org acme)")
				.contains("AWS accounts:  3");
			assertThat(real.journal().tokenRequestCount()).isEqualTo(1);
			assertThat(real.journal().apiRequests())
				.extracting((r) -> r.path().replaceAll("/invoice/\\d{6}:read$", "/invoice/{date}:read"))
				.containsExactly("/iam/v1/whoami", "/cost/v1/aws/accounts", "/cost/v1/aws/costs:read",
						"/cost/v1/aws/reports/invoicereadiness", "/billing/v1/invoice:read",
						"/billing/v1/invoice/{date}:read", "/billing/v1/invoice/{date}:read",
						"/billing/v1/invoice/{date}:read");
		}
	}

	@Test
	void apiErrorIsReportedWithExitCodeOne(CapturedOutput output) {
		try (MockWaveServer real = MockWaveServer.start()) {
			real.faults()
				.api("/cost/v1/aws/costs:read")
				.failNext(1)
				.withMidStreamError(10, 7, "permission denied for billing group");
			try (ConfigurableApplicationContext context = SampleApplication.run("--spring.profiles.active=wave",
					"--wave.token-uri=" + real.tokenUri(), "--wave.base-url=" + real.baseUrl(),
					"--wave.client-id=" + real.clientId(), "--wave.client-secret=" + real.clientSecret())) {
				assertThat(SpringApplication.exit(context)).isEqualTo(1);
			}
		}

		assertThat(output.getErr()).contains("Wave API call failed").contains("permission denied for billing group");
		assertThat(output.getOut()).doesNotContain("Total:");
	}

	@Test
	void invoicesOfThisMonthOnceItsBillingIsFinal(CapturedOutput output) throws Exception {
		// the emulator's clock is 40 days ahead: the sample's current month is closed
		// there
		Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofDays(40));
		YearMonth before = YearMonth.now(ZoneOffset.UTC);
		try (MockWaveServer real = MockWaveServer.builder().clock(ahead).start()) {
			try (ConfigurableApplicationContext context = SampleApplication.run("--spring.profiles.active=wave",
					"--wave.token-uri=" + real.tokenUri(), "--wave.base-url=" + real.baseUrl(),
					"--wave.client-id=" + real.clientId(), "--wave.client-secret=" + real.clientSecret())) {
				assertThat(SpringApplication.exit(context)).isZero();
			}
			String out = output.getOut();
			Matcher header = INVOICES.matcher(out);
			assertThat(header.find()).as("invoices line in:%n%s", out).isTrue();
			YearMonth month = YearMonth.parse(header.group(1));
			assertThat(month).isIn(before, YearMonth.now(ZoneOffset.UTC));
			assertThat(out).doesNotContain("is not final yet");
			String token = real.tokens().issueAccessToken();
			assertThat(invoiceSection(out)).containsExactlyElementsOf(expectedInvoices(real, token, month));
		}
	}

	@Test
	void invoiceErrorIsReportedWithExitCodeOne(CapturedOutput output) {
		try (MockWaveServer real = MockWaveServer.start()) {
			real.faults().api("/billing/v1/invoice:read").failNext(1).withMidStreamError(1, 7, "no invoice access");
			try (ConfigurableApplicationContext context = SampleApplication.run("--spring.profiles.active=wave",
					"--wave.token-uri=" + real.tokenUri(), "--wave.base-url=" + real.baseUrl(),
					"--wave.client-id=" + real.clientId(), "--wave.client-secret=" + real.clientSecret())) {
				assertThat(SpringApplication.exit(context)).isEqualTo(1);
			}
		}

		assertThat(output.getErr()).contains("Wave API call failed").contains("no invoice access");
		assertThat(output.getOut()).contains("  Total:").doesNotContain("Grand total:");
	}

	/**
	 * The lines of the invoice section: the header, the billing groups, "... and N more"
	 * and the grand totals (not the note on the current month).
	 */
	private static List<String> invoiceSection(String out) {
		Matcher header = INVOICES.matcher(out);
		assertThat(header.find()).as("invoices line in:%n%s", out).isTrue();
		List<String> lines = new ArrayList<>();
		for (String line : out.substring(header.start()).split("\\R")) {
			if (line.startsWith("Invoices ") || line.startsWith("    ") || line.startsWith("  Grand total: ")) {
				lines.add(line.replaceAll(" {2,}", " ").strip());
			}
			else if (!line.startsWith("  (")) {
				break;
			}
		}
		return lines;
	}

	private record Expected(String whoAmI, List<String> accountIds, long rows, BigDecimal total,
			Map<String, BigDecimal> byService, String notReadyReason, List<String> invoiceSection) {
	}

	/**
	 * The invoice section as the sample should print it, from the emulator's raw answers:
	 * {@code invoice:read} of the month, then {@code invoice/{date}:read} of each created
	 * invoice, the amount of its {@code total} item.
	 */
	private List<String> expectedInvoices(MockWaveServer wave, String token, YearMonth month)
			throws IOException, InterruptedException {
		String yyyymm = month.format(DateTimeFormatter.ofPattern("uuuuMM"));
		String list = post(wave, token, "/billing/v1/invoice:read", "{\"date\":\"" + yyyymm + "\"}");
		int groups = 0;
		// group name -> amount (USD: the emulator's only currency)
		Map<String, BigDecimal> byGroup = new HashMap<>();
		for (String line : list.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode invoice = this.json.readTree(line).path("result");
			groups++;
			if (!invoice.path("isCreated").asBoolean()) {
				continue;
			}
			JsonNode detail = this.json.readTree(post(wave, token, "/billing/v1/invoice/" + yyyymm + ":read",
					"{\"groupId\":\"" + invoice.path("billingInternalId").asString() + "\"}"));
			for (JsonNode item : detail.path("aws").path("total")) {
				if (item.path("name").asString().equals("total")) {
					assertThat(item.path("currency").asString()).isEqualTo("USD");
					byGroup.merge(invoice.path("billingGroupName").asString(), item.path("amount").decimalValue(),
							BigDecimal::add);
				}
			}
		}
		assertThat(byGroup).isNotEmpty();
		assertThat(byGroup.values()).anySatisfy((amount) -> assertThat(amount).isPositive());
		List<String> section = new ArrayList<>();
		section.add("Invoices " + month + ", " + groups + " billing groups");
		byGroup.entrySet()
			.stream()
			.sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(10)
			.forEach((e) -> section.add(e.getKey() + " " + money(e.getValue()) + " USD"));
		if (byGroup.size() > 10) {
			section.add("... and " + (byGroup.size() - 10) + " more");
		}
		BigDecimal sum = byGroup.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		section.add("Grand total: " + money(sum) + " USD");
		// the section collapses runs of spaces: so do the names
		return section.stream().map((line) -> line.replaceAll(" {2,}", " ").strip()).toList();
	}

	private Expected expected(MockWaveServer wave, LocalDate start, LocalDate end)
			throws IOException, InterruptedException {
		String token = wave.tokens().issueAccessToken();
		String whoAmI = this.json.readTree(get(wave, token, "/iam/v1/whoami")).path("id").asString();
		List<String> accountIds = new ArrayList<>();
		for (String line : get(wave, token, "/cost/v1/aws/accounts").split("\n")) {
			if (!line.isBlank()) {
				accountIds.add(this.json.readTree(line).path("result").path("id").asString());
			}
		}
		DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
		String body = "{\"startTime\":\"" + start.format(yyyymmdd) + "\",\"endTime\":\"" + end.format(yyyymmdd) + "\"}";
		HttpResponse<String> costs = this.http
			.send(request(wave, token, "/cost/v1/aws/costs:read").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(costs.statusCode()).isEqualTo(200);
		long rows = 0;
		BigDecimal total = BigDecimal.ZERO;
		Map<String, BigDecimal> byService = new HashMap<>();
		for (String line : costs.body().split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode aws = this.json.readTree(line).path("result").path("aws");
			assertThat(aws.isObject()).as(line).isTrue();
			BigDecimal cost = aws.path("cost").decimalValue();
			rows++;
			total = total.add(cost);
			byService.merge(aws.path("productCode").asString(), cost, BigDecimal::add);
		}
		assertThat(rows).isPositive();
		YearMonth thisMonth = YearMonth.from(end);
		JsonNode readiness = this.json
			.readTree(get(wave, token, "/cost/v1/aws/reports/invoicereadiness?month=" + thisMonth));
		boolean ready = readiness.path("ready").asBoolean();
		List<String> invoices = expectedInvoices(wave, token, ready ? thisMonth : thisMonth.minusMonths(1));
		return new Expected(whoAmI, accountIds, rows, total, byService,
				ready ? "" : readiness.path("reason").asString(), invoices);
	}

	private String post(MockWaveServer wave, String token, String path, String body)
			throws IOException, InterruptedException {
		HttpResponse<String> response = this.http
			.send(request(wave, token, path).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private String get(MockWaveServer wave, String token, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request(wave, token, path).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private static HttpRequest.Builder request(MockWaveServer wave, String token, String path) {
		return HttpRequest.newBuilder(URI.create(wave.baseUrl() + path)).header("Authorization", "Bearer " + token);
	}

	private static String money(BigDecimal amount) {
		return String.format(Locale.ROOT, "%,.2f", amount);
	}

}
