package io.github.wavestarter.autoconfigure;

import java.time.Duration;

import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.blue.GrpcCode;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.junit.MockWaveServerTest;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.service.ReactiveHttpServiceClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The HTTP service group {@code wave}: interfaces imported into it, on either client
 * type, call the Blue API with the Wave token, and no other group is touched.
 */
@MockWaveServerTest
class WaveHttpServiceGroupTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private final MockWaveServer server;

	private final ApplicationContextRunner runner;

	WaveHttpServiceGroupTests(MockWaveServer server) {
		this.server = server;
		this.runner = WaveContexts.plainForServer(server)
			.withConfiguration(AutoConfigurations.of(HttpServiceClientPropertiesAutoConfiguration.class,
					HttpServiceClientAutoConfiguration.class, ReactiveHttpServiceClientAutoConfiguration.class));
	}

	@Test
	void aRestClientInterfaceOfTheWaveGroupCallsTheBlueApiWithTheToken() {
		this.runner.withUserConfiguration(RestGroups.class)
			.withPropertyValues("spring.http.serviceclient.other.base-url=" + this.server.baseUrl())
			.run((context) -> {
				assertThat(context.getBean(IamApi.class).whoami()).contains(MockWaveServer.DEFAULT_CLIENT_ID);
				assertThat(this.server.journal().apiRequests()).singleElement()
					.satisfies((request) -> assertThat(request.validToken()).isTrue());
				assertThatExceptionOfType(BlueApiException.class)
					.isThrownBy(() -> context.getBean(IamApi.class).missing())
					.satisfies((ex) -> assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.NOT_FOUND));
			});
	}

	@Test
	void anotherGroupGetsNeitherTheTokenNorTheErrorMapping() {
		this.runner.withUserConfiguration(RestGroups.class)
			.withPropertyValues("spring.http.serviceclient.other.base-url=" + this.server.baseUrl())
			.run((context) -> {
				assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class)
					.isThrownBy(() -> context.getBean(OtherApi.class).whoami());
				assertThat(this.server.journal().apiRequests()).singleElement()
					.satisfies((request) -> assertThat(request.hasAuthorization()).isFalse());
				assertThat(this.server.journal().tokenRequestCount()).isZero();
			});
	}

	@Test
	void aWebClientInterfaceOfTheWaveGroupCallsTheBlueApiWithTheToken() {
		this.runner.withUserConfiguration(ReactiveGroup.class).run((context) -> {
			assertThat(context.getBean(ReactiveIamApi.class).whoami().block(BLOCK))
				.contains(MockWaveServer.DEFAULT_CLIENT_ID);
			assertThat(this.server.journal().apiRequests()).singleElement()
				.satisfies((request) -> assertThat(request.validToken()).isTrue());
			this.server.tokens().revokeAll();
			assertThat(context.getBean(ReactiveIamApi.class).whoami().block(BLOCK))
				.contains(MockWaveServer.DEFAULT_CLIENT_ID);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void theGroupsOwnBaseUrlWinsAndStillGetsTheTokenUnderTheBlueApi() {
		this.runner.withUserConfiguration(ServiceBaseGroup.class)
			.withPropertyValues("spring.http.serviceclient.wave.base-url=" + this.server.baseUrl() + "/iam")
			.run((context) -> {
				assertThat(context.getBean(WhoamiApi.class).whoami()).contains(MockWaveServer.DEFAULT_CLIENT_ID);
				assertThat(this.server.journal().apiRequests()).singleElement().satisfies((request) -> {
					assertThat(request.path()).isEqualTo("/iam/v1/whoami");
					assertThat(request.validToken()).isTrue();
				});
			});
	}

	@Test
	void withoutTheStarterTheGroupIsAPlainGroup() {
		this.runner.withUserConfiguration(ServiceBaseGroup.class)
			.withPropertyValues("wave.enabled=false",
					"spring.http.serviceclient.wave.base-url=" + this.server.baseUrl() + "/iam")
			.run((context) -> {
				assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class)
					.isThrownBy(() -> context.getBean(WhoamiApi.class).whoami());
				assertThat(this.server.journal().apiRequests()).singleElement()
					.satisfies((request) -> assertThat(request.hasAuthorization()).isFalse());
			});
	}

	@HttpExchange("/iam")
	interface IamApi {

		@GetExchange("/v1/whoami")
		String whoami();

		@GetExchange("/v1/no-such-operation")
		String missing();

	}

	@HttpExchange("/iam")
	interface OtherApi {

		@GetExchange("/v1/whoami")
		String whoami();

	}

	@HttpExchange("/iam")
	interface ReactiveIamApi {

		@GetExchange("/v1/whoami")
		Mono<String> whoami();

	}

	interface WhoamiApi {

		@GetExchange("/v1/whoami")
		String whoami();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "wave", types = IamApi.class)
	@ImportHttpServices(group = "other", types = OtherApi.class)
	static class RestGroups {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "wave", types = ReactiveIamApi.class,
			clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
	static class ReactiveGroup {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "wave", types = WhoamiApi.class)
	static class ServiceBaseGroup {

	}

}
