package io.github.wavestarter.autoconfigure.blue;

import java.time.Duration;

import io.github.wavestarter.blue.BlueApiClients;
import io.github.wavestarter.blue.BlueOperations;
import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.blue.api.ApiUser;
import io.github.wavestarter.blue.api.BillingApi;
import io.github.wavestarter.blue.api.CostApi;
import io.github.wavestarter.blue.api.CoverApi;
import io.github.wavestarter.blue.api.IamApi;
import io.github.wavestarter.blue.api.OperationsApi;
import io.github.wavestarter.blue.api.OrgApi;
import io.github.wavestarter.test.MockWaveServer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class WaveBlueApiAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WaveBlueApiAutoConfiguration.class));

	@Configuration(proxyBeanMethods = false)
	static class WaveClientConfig {

		@Bean
		WebClient waveWebClient() {
			return WebClient.builder().baseUrl("http://127.0.0.1:1").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherClientConfig {

		@Bean
		WebClient someOtherWebClient() {
			return WebClient.builder().build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserIamConfig {

		@Bean
		IamApi myIamApi() {
			return () -> Mono.just(new ApiUser("mine", null, null));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserOperationsConfig {

		@Bean
		BlueOperations myBlueOperations(OperationsApi operationsApi) {
			return BlueOperations.create(operationsApi).withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
		}

	}

	@Test
	void theServiceClientsAndTheOperationsWaiterArePresentWithWaveWebClient() {
		this.runner.withUserConfiguration(WaveClientConfig.class).run((context) -> {
			assertThat(context).hasSingleBean(BillingApi.class)
				.hasSingleBean(CoverApi.class)
				.hasSingleBean(OperationsApi.class)
				.hasSingleBean(BlueOperations.class);
			assertThat(context.getBean(BillingApi.class).toString()).startsWith("BillingApi client ");
			assertThat(context.getBean(BlueOperations.class).toString()).contains("PT1S").contains("PT30S");
		});
		this.runner.withUserConfiguration(OtherClientConfig.class)
			.run((context) -> assertThat(context).doesNotHaveBean(BillingApi.class)
				.doesNotHaveBean(OperationsApi.class)
				.doesNotHaveBean(BlueOperations.class));
	}

	@Test
	void aUserBlueOperationsWins() {
		this.runner.withUserConfiguration(WaveClientConfig.class, UserOperationsConfig.class).run((context) -> {
			assertThat(context).hasSingleBean(BlueOperations.class)
				.hasBean("myBlueOperations")
				.doesNotHaveBean("blueOperations");
			assertThat(context.getBean(BlueOperations.class).toString()).contains("PT0.1S");
		});
	}

	@Test
	void beansPresentWithWaveWebClient() {
		this.runner.withUserConfiguration(WaveClientConfig.class).run((context) -> {
			assertThat(context).hasSingleBean(IamApi.class)
				.hasSingleBean(OrgApi.class)
				.hasSingleBean(CostApi.class)
				.hasSingleBean(BlueStreams.class)
				.hasSingleBean(BlueApiClients.class);
			// application JsonMapper (from JacksonAutoConfiguration) is used
			assertThat(context.getBean(BlueStreams.class).getJsonMapper()).isSameAs(context.getBean(JsonMapper.class));
			assertThat(context.getBean(BlueStreams.class).getMaxLineSize()).isEqualTo(16L * 1024 * 1024);
		});
	}

	@Test
	void absentWithoutWaveWebClient() {
		this.runner.withUserConfiguration(OtherClientConfig.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(IamApi.class)
				.doesNotHaveBean(CostApi.class)
				.doesNotHaveBean(BlueStreams.class);
		});
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(OrgApi.class));
	}

	@Test
	void userOverrideWins() {
		this.runner.withUserConfiguration(WaveClientConfig.class, UserIamConfig.class).run((context) -> {
			assertThat(context).hasSingleBean(IamApi.class).hasBean("myIamApi").doesNotHaveBean("blueIamApi");
			// only the replaced client backs off: the others are still the starter's,
			// made by its factory on waveWebClient
			assertThat(context).hasSingleBean(CostApi.class).hasBean("blueCostApi").hasBean("blueOrgApi");
			assertThat(context.getBean(CostApi.class).toString()).startsWith("CostApi client ");
		});
	}

	@Test
	void maxLineSizeProperty() {
		this.runner.withUserConfiguration(WaveClientConfig.class)
			.withPropertyValues("wave.stream.max-line-size=64MB")
			.run((context) -> assertThat(context.getBean(BlueStreams.class).getMaxLineSize())
				.isEqualTo(64L * 1024 * 1024));
	}

	@Test
	void worksWithoutApplicationJsonMapper() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WaveBlueApiAutoConfiguration.class))
			.withUserConfiguration(WaveClientConfig.class)
			.run((context) -> assertThat(context).hasSingleBean(BlueStreams.class).hasSingleBean(CostApi.class));
	}

	@Test
	void autoConfiguredClientUsesWaveWebClient() {
		try (MockWaveServer server = MockWaveServer.start()) {
			// the token reaches the emulator only as a default header of this
			// waveWebClient
			String token = server.tokens().issueAccessToken();
			this.runner
				.withBean("waveWebClient", WebClient.class,
						() -> WebClient.builder()
							.baseUrl(server.baseUrl())
							.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
							.build())
				.run((context) -> {
					ApiUser user = context.getBean(IamApi.class).whoAmI().block(Duration.ofSeconds(5));
					assertThat(user.id()).isEqualTo(server.clientId());
					assertThat(server.journal().apiRequests()).singleElement().satisfies((request) -> {
						assertThat(request.path()).isEqualTo("/iam/v1/whoami");
						assertThat(request.hasBearerToken(token)).isTrue();
					});
				});
		}
	}

}
