package io.github.wavestarter.sample;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.wavestarter.blue.api.AwsCost;
import io.github.wavestarter.blue.api.CostItem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Summary of a stream of AWS cost rows: row count, total and the most expensive services.
 * <p>
 * {@link #of(Flux, int)} folds the stream row by row with {@code reduceWith}: memory is
 * one running total per service (a few dozen at most), never the rows themselves, so a
 * month with millions of rows costs no more heap than one with ten. Amounts are summed as
 * {@link BigDecimal} so the total is exact for the decimal values the API sends.
 *
 * @param rows number of AWS rows read
 * @param total sum of {@link AwsCost#cost()} over all rows
 * @param currency the rows' {@link AwsCost#baseCurrency()} ({@code USD} if none was
 * sent); "{@code mixed}" if the rows disagree
 * @param serviceCount number of distinct services
 * @param topServices the most expensive services, highest cost first (ties by name)
 */
public record CostReport(long rows, BigDecimal total, String currency, int serviceCount,
		List<ServiceCost> topServices) {

	/** Default number of services in {@link #topServices()}. */
	public static final int TOP = 5;

	/** Service name used for rows without a product or service code. */
	public static final String UNKNOWN_SERVICE = "(unknown)";

	/**
	 * Total cost of one service.
	 *
	 * @param service the product code, e.g. {@code AmazonEC2}
	 * @param cost the summed cost
	 */
	public record ServiceCost(String service, BigDecimal cost) {
	}

	/**
	 * Aggregates the AWS rows of {@code items} into a report with the top {@value #TOP}
	 * services.
	 * @param items the rows, e.g. from {@code CostApi.readCosts("aws", request)}
	 * @return the report, emitted when the stream completes
	 */
	public static Mono<CostReport> of(Flux<CostItem> items) {
		return of(items, TOP);
	}

	/**
	 * Aggregates the AWS rows of {@code items}; rows of other vendors are ignored.
	 * @param items the rows
	 * @param top how many services to keep in {@link #topServices()}
	 * @return the report, emitted when the stream completes
	 */
	public static Mono<CostReport> of(Flux<CostItem> items, int top) {
		return items.reduceWith(Accumulator::new, Accumulator::add).map((acc) -> acc.toReport(top));
	}

	/** Running totals; one instance per subscription. */
	private static final class Accumulator {

		private final Map<String, BigDecimal> byService = new HashMap<>();

		private BigDecimal total = BigDecimal.ZERO;

		private long rows;

		private String currency;

		Accumulator add(CostItem item) {
			AwsCost aws = item.aws();
			if (aws == null) {
				return this;
			}
			this.rows++;
			// proto3 JSON omits zero values: a missing cost is 0
			BigDecimal cost = (aws.cost() != null) ? BigDecimal.valueOf(aws.cost()) : BigDecimal.ZERO;
			this.total = this.total.add(cost);
			this.byService.merge(serviceOf(aws), cost, BigDecimal::add);
			String rowCurrency = (aws.baseCurrency() != null && !aws.baseCurrency().isEmpty()) ? aws.baseCurrency()
					: "USD";
			if (this.currency == null) {
				this.currency = rowCurrency;
			}
			else if (!this.currency.equals(rowCurrency)) {
				this.currency = "mixed";
			}
			return this;
		}

		CostReport toReport(int top) {
			List<ServiceCost> topServices = this.byService.entrySet()
				.stream()
				.map((e) -> new ServiceCost(e.getKey(), e.getValue()))
				.sorted(Comparator.comparing(ServiceCost::cost).reversed().thenComparing(ServiceCost::service))
				.limit(top)
				.toList();
			return new CostReport(this.rows, this.total, (this.currency != null) ? this.currency : "USD",
					this.byService.size(), topServices);
		}

		private static String serviceOf(AwsCost aws) {
			if (aws.productCode() != null && !aws.productCode().isEmpty()) {
				return aws.productCode();
			}
			if (aws.serviceCode() != null && !aws.serviceCode().isEmpty()) {
				return aws.serviceCode();
			}
			return UNKNOWN_SERVICE;
		}

	}

}
