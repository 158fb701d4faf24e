package io.github.wavestarter.blue.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.wavestarter.autoconfigure.blue.WaveBlueApiAutoConfiguration;
import io.github.wavestarter.blue.BlueApiClients;
import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.blue.GrpcCode;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each typed client calls Alphaus' URL of its service: the emulator, which serves every
 * service under its real base only, records the exact path, and the flat path the clients
 * used before ({@code /m/blue/v1/...}) gets its 404, as from Alphaus.
 */
class TypedClientPathsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private MockWaveServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = MockWaveServer.start();
		this.runner = WaveContexts.plainForServer(this.server)
			.withConfiguration(AutoConfigurations.of(WaveBlueApiAutoConfiguration.class));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void iamIsCalledAtMBlueIam() {
		this.runner.run((context) -> {
			ApiUser user = context.getBean(IamApi.class).whoAmI().block(TIMEOUT);

			assertThat(user.id()).isEqualTo(this.server.clientId());
			assertThat(requestedUrls()).containsExactly("/m/blue/iam/v1/whoami");
		});
	}

	@Test
	void organizationIsCalledAtMBlueOrg() {
		this.runner.run((context) -> {
			Org org = context.getBean(OrgApi.class).getOrg().block(TIMEOUT);

			assertThat(org.name()).isEqualTo("mock-org");
			assertThat(requestedUrls()).containsExactly("/m/blue/org/v1");
		});
	}

	@Test
	void costIsCalledAtMBlueCost() {
		this.runner.run((context) -> {
			CostApi costs = context.getBean(CostApi.class);

			List<Account> accounts = costs.listAccounts("aws", "bg-1", null).collectList().block(TIMEOUT);
			Account account = costs.getAccount("aws", accounts.get(0).id()).block(TIMEOUT);
			Long rows = costs.readCosts("aws", ReadCostsRequest.of(null, "20261101", "20261102").withGroupId("bg-1"))
				.count()
				.block(TIMEOUT);

			assertThat(accounts).hasSize(3);
			assertThat(account.id()).isEqualTo("123456789012");
			assertThat(rows).isEqualTo(2 * 3 * 7);
			assertThat(requestedUrls()).containsExactly("/m/blue/cost/v1/aws/accounts?groupId=bg-1",
					"/m/blue/cost/v1/aws/accounts/123456789012", "/m/blue/cost/v1/aws/costs:read");
			assertThat(this.server.journal().lastApiRequest().body()).contains("\"groupId\":\"bg-1\"",
					"\"startTime\":\"20261101\"");
		});
	}

	@Test
	void theFlatPathIsNotFound() {
		this.runner.run((context) -> {
			FlatCostApi flat = context.getBean(BlueApiClients.class).createClient(FlatCostApi.class);

			BlueApiException ex = catchThrowableOfType(BlueApiException.class,
					() -> flat.readCosts("aws", ReadCostsRequest.of(null, "20261101", "20261102")).blockLast(TIMEOUT));

			assertThat(ex.getHttpStatus()).isEqualTo(404);
			assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.NOT_FOUND);
			assertThat(ex.getApiMessage()).isEqualTo("Not Found");
			assertThat(requestedUrls()).containsExactly("/m/blue/v1/aws/costs:read");
		});
	}

	private List<String> requestedUrls() {
		String base = URI.create(this.server.baseUrl()).getPath();
		return this.server.journal()
			.apiRequests()
			.stream()
			.map((request) -> base + request.path() + (request.query().isEmpty() ? "" : "?" + request.query()))
			.toList();
	}

	/** {@code costs:read} at the flat path CostApi used before it carried its base. */
	@HttpExchange
	interface FlatCostApi {

		@PostExchange("/v1/{vendor}/costs:read")
		Flux<CostItem> readCosts(@PathVariable String vendor, @RequestBody ReadCostsRequest request);

	}

}
