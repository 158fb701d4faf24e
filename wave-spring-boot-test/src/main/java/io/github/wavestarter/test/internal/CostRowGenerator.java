package io.github.wavestarter.test.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * Generates deterministic, realistic AWS cost rows lazily: nothing but the current row
 * exists in memory, so millions of rows cost no heap. The same query always yields the
 * same bytes. Internal API.
 */
public final class CostRowGenerator {

	private record Service(String productCode, String usageType, String instanceType, String operation,
			long baseMicros) {
	}

	private static final Service[] SERVICES = {
			new Service("AmazonEC2", "USE1-BoxUsage:t3.medium", "t3.medium", "RunInstances", 40_000_000L),
			new Service("AmazonS3", "USE1-TimedStorage-ByteHrs", "", "StandardStorage", 3_000_000L),
			new Service("AWSLambda", "USE1-Lambda-GB-Second", "", "Invoke", 800_000L),
			new Service("AmazonRDS", "USE1-InstanceUsage:db.t3.medium", "db.t3.medium", "CreateDBInstance",
					25_000_000L),
			new Service("AmazonDynamoDB", "USE1-TimedStorage-ByteHrs", "", "StandardStorage", 2_000_000L),
			new Service("AmazonCloudWatch", "USE1-CW:MetricMonitorUsage", "", "MetricStorage", 1_500_000L),
			new Service("AWSDataTransfer", "USE1-DataTransfer-Out-Bytes", "", "", 4_000_000L), };

	private static final Map<String, Double> RATES = Map.of("USD", 1.0, "JPY", 150.25, "EUR", 0.92, "GBP", 0.79);

	private CostRowGenerator() {
	}

	/**
	 * @return the exchange rate from USD, or {@code null} if the currency is not
	 * supported
	 */
	public static @Nullable Double exchangeRate(String currency) {

		return RATES.get(currency);
	}

	/**
	 * @return one row per day, account and service
	 */
	public static long naturalRowCount(CostQuery query) {
		long days = ChronoUnit.DAYS.between(query.start(), query.end()) + 1;
		return days * query.accountIds().size() * SERVICES.length;
	}

	/**
	 * @param rowCount number of rows; &lt;= 0 for {@link #naturalRowCount(CostQuery)}
	 * @return the {@code {"result":{"aws":{...}}}} lines, generated on demand
	 */
	public static Flux<String> lines(CostQuery query, long rowCount) {
		if (query.accountIds().isEmpty()) {
			return Flux.empty();
		}
		long total = rowCount > 0 ? rowCount : naturalRowCount(query);
		int days = (int) (ChronoUnit.DAYS.between(query.start(), query.end()) + 1);
		String[] dates = new String[days];
		String[] timestamps = new String[days];
		for (int d = 0; d < days; d++) {
			LocalDate date = query.start().plusDays(d);
			dates[d] = query.groupByMonth() ? date.toString().substring(0, 7) : date.toString();
			timestamps[d] = String.valueOf(date.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) + 3600);
		}
		String groupId = query.groupId().isEmpty() ? "mock-billing-group" : query.groupId();
		double rate = RATES.get(query.toCurrency());
		String[] accounts = query.accountIds().toArray(String[]::new);
		long combos = (long) accounts.length * SERVICES.length;
		return Flux.generate(() -> 0L, (i, sink) -> {
			if (i >= total) {
				sink.complete();
				return i;
			}
			int day = (int) Math.min(days - 1, (i * days) / total);
			int combo = (int) (i % combos);
			String account = accounts[combo / SERVICES.length];
			Service service = SERVICES[combo % SERVICES.length];
			sink.next(row(i, account, service, dates[day], timestamps[day], groupId, query.toCurrency(), rate));
			return i + 1;
		});
	}

	private static String row(long index, String account, Service s, String date, String timestamp, String groupId,
			String currency, double rate) {
		long h = mix(account.hashCode() * 31L + date.hashCode() * 17L + s.productCode.hashCode() + index * 0x9E37L);
		long cost = s.baseMicros / 2 + Math.floorMod(h, s.baseMicros);
		long unblended = cost * 108 / 100;
		long amortized = cost * 102 / 100;
		StringBuilder sb = new StringBuilder(640);
		sb.append("{\"result\":{\"aws\":{\"account\":\"")
			.append(account)
			.append("\",\"groupId\":\"")
			.append(groupId)
			.append("\",\"type\":\"Usage\",\"date\":\"")
			.append(date)
			.append("\",\"productCode\":\"")
			.append(s.productCode)
			.append("\",\"serviceCode\":\"")
			.append(s.productCode)
			.append("\",\"region\":\"us-east-1\",\"usageType\":\"")
			.append(s.usageType)
			.append('"');
		if (!s.instanceType.isEmpty()) {
			sb.append(",\"instanceType\":\"").append(s.instanceType).append('"');
		}
		if (!s.operation.isEmpty()) {
			sb.append(",\"operation\":\"").append(s.operation).append('"');
		}
		sb.append(",\"cost\":");
		micros(sb, cost);
		sb.append(",\"unblendedCost\":");
		micros(sb, unblended);
		sb.append(",\"baseCurrency\":\"USD\",\"exchangeRate\":").append(rate == 1.0 ? "1" : Double.toString(rate));
		sb.append(",\"targetCost\":");
		micros(sb, Math.round(cost * rate));
		sb.append(",\"targetUnblendedCost\":");
		micros(sb, Math.round(unblended * rate));
		sb.append(",\"targetCurrency\":\"").append(currency).append('"');
		sb.append(",\"effectiveCost\":");
		micros(sb, cost);
		sb.append(",\"targetEffectiveCost\":");
		micros(sb, Math.round(cost * rate));
		sb.append(",\"amortizedCost\":");
		micros(sb, amortized);
		sb.append(",\"targetAmortizedCost\":");
		micros(sb, Math.round(amortized * rate));
		sb.append(",\"timestamp\":\"").append(timestamp).append("\"}}}");
		return sb.toString();
	}

	/**
	 * Appends a non-negative micro-unit amount as a JSON number without trailing zeros.
	 */
	static void micros(StringBuilder sb, long micros) {
		sb.append(micros / 1_000_000);
		long frac = micros % 1_000_000;
		if (frac != 0) {
			sb.append('.');
			String digits = Long.toString(frac + 1_000_000).substring(1);
			int end = digits.length();
			while (digits.charAt(end - 1) == '0') {
				end--;
			}
			sb.append(digits, 0, end);
		}
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
