package io.github.wavestarter.consumer;

import java.math.BigDecimal;
import java.util.Map;

import io.github.wavestarter.blue.api.ApiUser;
import io.github.wavestarter.blue.api.AwsCost;
import io.github.wavestarter.blue.api.CostApi;
import io.github.wavestarter.blue.api.IamApi;
import io.github.wavestarter.blue.api.ReadCostsRequest;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A WebFlux application on Spring Boot 4.1 that uses the Wave starter's typed clients
 * from its own endpoints.
 */
@SpringBootApplication
@RestController
public class ConsumerApplication {

	private final IamApi iam;

	private final CostApi costs;

	ConsumerApplication(IamApi iam, CostApi costs) {
		this.iam = iam;
		this.costs = costs;
	}

	@GetMapping("/whoami")
	Mono<String> whoami() {
		return this.iam.whoAmI().map(ApiUser::id);
	}

	@GetMapping("/aws-total")
	Mono<Map<String, Object>> awsTotal(@RequestParam String from, @RequestParam String to) {
		return this.costs.readCosts("aws", ReadCostsRequest.of(null, from, to))
			.filter((item) -> item.aws() != null)
			.map((item) -> cost(item.aws()))
			.reduce(new Total(0, BigDecimal.ZERO), Total::add)
			.map((total) -> Map.of("rows", total.rows(), "total", total.sum()));
	}

	private static BigDecimal cost(AwsCost aws) {
		return (aws.cost() != null) ? BigDecimal.valueOf(aws.cost()) : BigDecimal.ZERO;
	}

	record Total(long rows, BigDecimal sum) {

		Total add(BigDecimal cost) {
			return new Total(this.rows + 1, this.sum.add(cost));
		}

	}

	public static void main(String[] args) {
		SpringApplication.run(ConsumerApplication.class, args);
	}

}
