package io.github.wavestarter.readme;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.github.wavestarter.blue.api.CostApi;
import io.github.wavestarter.blue.api.CostItem;
import io.github.wavestarter.blue.api.ReadCostsRequest;

import org.springframework.stereotype.Service;

/** The application service the README's test example tests. */
@Service
class CostReportService {

	private final CostApi costs;

	CostReportService(CostApi costs) {
		this.costs = costs;
	}

	List<CostItem> thisMonth() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
		return this.costs
			.readCosts("aws",
					ReadCostsRequest.of(null, today.withDayOfMonth(1).format(yyyymmdd), today.format(yyyymmdd)))
			.collectList()
			.block(Duration.ofSeconds(30));
	}

}
