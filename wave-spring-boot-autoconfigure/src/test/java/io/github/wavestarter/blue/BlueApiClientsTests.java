package io.github.wavestarter.blue;

import java.time.Duration;

import io.github.wavestarter.autoconfigure.blue.WaveBlueApiAutoConfiguration;
import io.github.wavestarter.blue.api.ApiUser;
import io.github.wavestarter.blue.api.CostApi;
import io.github.wavestarter.blue.api.IamApi;
import io.github.wavestarter.blue.api.OrgApi;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.service.annotation.GetExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed clients describe themselves in {@code toString()} (Spring's HTTP service
 * proxies throw there) without a secret, and still call the API.
 */
class BlueApiClientsTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	@Test
	void autoConfiguredClientsNameTheirInterfaceAndTheBaseUrl() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveContexts.plainForServer(server)
				.withConfiguration(AutoConfigurations.of(WaveBlueApiAutoConfiguration.class))
				.run((context) -> {
					IamApi iam = context.getBean("blueIamApi", IamApi.class);
					OrgApi org = context.getBean("blueOrgApi", OrgApi.class);
					CostApi cost = context.getBean("blueCostApi", CostApi.class);
					assertThat(iam).hasToString("IamApi client for " + server.baseUrl());
					assertThat(org).hasToString("OrgApi client for " + server.baseUrl());
					assertThat(cost).hasToString("CostApi client for " + server.baseUrl());
					assertThat(context.getBean(BlueApiClients.class))
						.hasToString("BlueApiClients for " + server.baseUrl());
					// they still work, and the token they used is nowhere in the
					// descriptions
					ApiUser user = iam.whoAmI().block(BLOCK);
					assertThat(user.id()).isEqualTo(server.clientId());
					String descriptions = iam + " " + org + " " + cost;
					assertThat(descriptions).doesNotContain(server.clientSecret())
						.doesNotContain(server.tokens().issued().get(0).accessToken());
					assertThat(iam).isEqualTo(iam)
						.isNotEqualTo(context.getBean(BlueApiClients.class).createClient(IamApi.class));
					assertThat(iam.hashCode()).isEqualTo(iam.hashCode());
				});
		}
	}

	@Test
	void clientsOfAPlainFactoryHaveNoUrlToShowAndKeepDefaultMethods() {
		try (MockWaveServer server = MockWaveServer.start()) {
			server.stubs().stub("GET", "/iam/v1/hello").thenReturn("{\"greeting\":\"hello\"}");
			WebClient webClient = WebClient.builder()
				.baseUrl(server.baseUrl())
				.defaultHeader("Authorization", "Bearer " + server.tokens().issueAccessToken())
				.build();
			ExtraApi extra = BlueApiClients.create(webClient, BlueStreams.defaults()).createClient(ExtraApi.class);
			assertThat(extra).hasToString("ExtraApi client on a WebClient");
			assertThat(extra.greetingLength().block(BLOCK)).isEqualTo("{\"greeting\":\"hello\"}".length());
		}
	}

	@Test
	void theDescriptionLeavesUserInfoAndQueryOut() {
		WebClient webClient = WebClient.builder().build();
		OrgApi org = BlueApiClients
			.create(webClient, BlueStreams.defaults(),
					java.net.URI.create("https://user:Pa55@api.example.com:8443/m/blue?key=Secret-1#frag"))
			.createClient(OrgApi.class);
		assertThat(org).hasToString("OrgApi client for https://api.example.com:8443/m/blue");
	}

	public interface ExtraApi {

		@GetExchange("/iam/v1/hello")
		Mono<String> hello();

		default Mono<Integer> greetingLength() {
			return hello().map(String::length);
		}

	}

}
