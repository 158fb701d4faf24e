package io.github.wavestarter.sample;

import java.time.Duration;

import java.math.BigDecimal;
import java.util.List;

import io.github.wavestarter.blue.api.AwsCost;
import io.github.wavestarter.blue.api.CostItem;
import io.github.wavestarter.blue.api.GcpCost;
import io.github.wavestarter.sample.CostReport.ServiceCost;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class CostReportTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	@Test
	void sumsTotalAndKeepsTheFiveMostExpensiveServices() {
		Flux<CostItem> rows = Flux.just(aws("AmazonEC2", 10.5), aws("AmazonS3", 1.25), aws("AmazonEC2", 4.5),
				aws("AWSLambda", 0.1), aws("AmazonRDS", 7.0), aws("AmazonDynamoDB", 2.0), aws("AmazonCloudWatch", 0.5),
				aws("AWSDataTransfer", 3.0));

		CostReport report = CostReport.of(rows).block(BLOCK);

		assertThat(report.rows()).isEqualTo(8);
		assertThat(report.total()).isEqualByComparingTo("28.85");
		assertThat(report.currency()).isEqualTo("USD");
		assertThat(report.serviceCount()).isEqualTo(7);
		assertThat(report.topServices()).extracting(ServiceCost::service)
			.containsExactly("AmazonEC2", "AmazonRDS", "AWSDataTransfer", "AmazonDynamoDB", "AmazonS3");
		assertThat(report.topServices().get(0).cost()).isEqualByComparingTo("15.0");
	}

	@Test
	void sumIsExactForDecimalAmounts() {
		// 0.1 + 0.2 as doubles is 0.30000000000000004
		CostReport report = CostReport.of(Flux.just(aws("AmazonS3", 0.1), aws("AmazonS3", 0.2))).block(BLOCK);

		assertThat(report.total()).isEqualTo(new BigDecimal("0.3"));
	}

	@Test
	void tiesAreOrderedByServiceName() {
		CostReport report = CostReport.of(Flux.just(aws("B", 1.0), aws("C", 1.0), aws("A", 1.0)), 2).block(BLOCK);

		assertThat(report.topServices()).containsExactly(new ServiceCost("A", new BigDecimal("1.0")),
				new ServiceCost("B", new BigDecimal("1.0")));
	}

	@Test
	void missingValuesAndOtherVendors() {
		AwsCost noCost = awsCost("AmazonEC2", null, null, null);
		AwsCost serviceCodeOnly = awsCost(null, "AmazonS3", 2.0, "USD");
		AwsCost anonymous = awsCost(null, null, 1.0, null);
		GcpCost gcp = new GcpCost(null, null, null, null, null, null, null, null, null, null, null, null, null, 1.0);
		Flux<CostItem> rows = Flux.just(new CostItem(noCost, null, null), new CostItem(serviceCodeOnly, null, null),
				new CostItem(anonymous, null, null), new CostItem(null, gcp, null));

		CostReport report = CostReport.of(rows).block(BLOCK);

		assertThat(report.rows()).isEqualTo(3);
		assertThat(report.total()).isEqualByComparingTo("3");
		assertThat(report.topServices()).extracting(ServiceCost::service)
			.containsExactly("AmazonS3", CostReport.UNKNOWN_SERVICE, "AmazonEC2");
	}

	@Test
	void emptyStream() {
		CostReport report = CostReport.of(Flux.empty()).block(BLOCK);

		assertThat(report).isEqualTo(new CostReport(0, BigDecimal.ZERO, "USD", 0, List.of()));
	}

	@Test
	void mixedCurrenciesAreFlagged() {
		CostReport report = CostReport.of(Flux.just(new CostItem(awsCost("A", null, 1.0, "USD"), null, null),
				new CostItem(awsCost("A", null, 1.0, "JPY"), null, null)))
			.block(BLOCK);

		assertThat(report.currency()).isEqualTo("mixed");
	}

	@Test
	void eachSubscriptionStartsFromZero() {
		Mono<CostReport> report = CostReport.of(Flux.just(aws("AmazonEC2", 1.0), aws("AmazonS3", 2.0)));

		CostReport first = report.block(BLOCK);
		CostReport second = report.block(BLOCK);

		assertThat(second).isEqualTo(first);
		assertThat(second.total()).isEqualByComparingTo("3");
	}

	@Test
	void streamsAMillionRowsWithoutCollectingThem() {
		String[] services = { "AmazonEC2", "AmazonS3", "AWSLambda", "AmazonRDS", "AmazonDynamoDB", "AmazonCloudWatch",
				"AWSDataTransfer" };
		// generated lazily: the rows exist only while they are being added
		Flux<CostItem> rows = Flux.range(0, 1_000_000).map((i) -> aws(services[i % services.length], 0.01));

		CostReport report = CostReport.of(rows).block(BLOCK);

		assertThat(report.rows()).isEqualTo(1_000_000);
		assertThat(report.total()).isEqualByComparingTo("10000");
		assertThat(report.serviceCount()).isEqualTo(7);
		assertThat(report.topServices()).hasSize(5);
		// 142858 rows for the first service (1e6 = 7 * 142857 + 1)
		assertThat(report.topServices().get(0)).isEqualTo(new ServiceCost("AmazonEC2", new BigDecimal("1428.58")));
	}

	static CostItem aws(String productCode, double cost) {
		return new CostItem(awsCost(productCode, productCode, cost, "USD"), null, null);
	}

	static AwsCost awsCost(String productCode, String serviceCode, Double cost, String currency) {
		return new AwsCost("123456789012", null, "Usage", "2025-06-01", productCode, serviceCode, "us-east-1", null,
				null, null, null, null, null, null, null, null, null, cost, null, currency, null, null, null, null,
				null, null, null, null, null, null, null);
	}

}
