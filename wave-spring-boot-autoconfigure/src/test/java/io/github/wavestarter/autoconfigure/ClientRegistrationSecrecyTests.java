package io.github.wavestarter.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.wavestarter.autoconfigure.blue.WaveBlueApiAutoConfiguration;
import io.github.wavestarter.blue.api.IamApi;
import io.github.wavestarter.client.AmbiguousRequestPathException;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.testsupport.WaveContexts;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.github.wavestarter.token.WaveTokenException;
import org.apache.commons.logging.LogFactory;
import io.netty.handler.logging.LogLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.netty.transport.logging.AdvancedByteBufFormat;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Spring Security's {@code ClientRegistration.toString()} prints the client secret, so
 * the starter must never log its registration: a whole application runs with every logger
 * at TRACE through startup, token requests, calls, a 401 replay, redirects of the token
 * endpoint and of the API, a refused ambiguous path and the typed clients, and the output
 * is searched for the secret, the tokens and the registration's rendering.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientRegistrationSecrecyTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private static final String SECRET = "Cl1ent-Secret-Never-Logged";

	@Test
	void springPrintsTheSecretOfARegistration() {
		ClientRegistration registration = ClientRegistration.withRegistrationId("wave")
			.clientId("id")
			.clientSecret(SECRET)
			.authorizationGrantType(org.springframework.security.oauth2.core.AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri("https://login.example.com/access_token")
			.build();
		// the reason for the test below; if Spring stops doing this, the README can say
		// so
		assertThat(registration.toString()).startsWith("ClientRegistration{").contains(SECRET);
	}

	@Test
	void theStarterNeverLogsItsRegistrationEvenAtTrace(CapturedOutput output) {
		List<String> secrets = new ArrayList<>(List.of(SECRET));
		try (MockWaveServer server = MockWaveServer.builder().clientSecret(SECRET).start();
				MockWaveServer target = MockWaveServer.start()) {
			try (ConfigurableApplicationContext context = application(server)) {
				assertThat(LogFactory.getLog(ClientRegistration.class).isTraceEnabled()).isTrue();
				ClientRegistration registration = context
					.getBean(WaveAutoConfiguration.WAVE_CLIENT_REGISTRATION_BEAN_NAME, ClientRegistration.class);
				assertThat(registration.getClientSecret()).isEqualTo(SECRET);
				WebClient wave = context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class);
				IamApi iam = context.getBean(IamApi.class);
				LogFactory.getLog(ClientRegistrationSecrecyTests.class).info("typed client: " + iam);
				assertThat(iam.whoAmI().block(BLOCK).id()).isEqualTo(server.clientId());
				// a 401 replay, then redirects of the API and of the token endpoint
				server.faults().api().failNext(1).withStatus(401);
				assertThat(call(wave, "/iam/v1/whoami")).isEqualTo(200);
				server.faults()
					.api()
					.failNext(1)
					.withStatus(307)
					.withHeader("Location", target.baseUrl() + "/iam/v1/whoami");
				assertThat(call(wave, "/iam/v1/whoami")).isEqualTo(307);
				context.getBean(WaveAccessTokenProvider.class)
					.invalidate(context.getBean(WaveAccessTokenProvider.class).getAccessToken().block(BLOCK));
				server.faults().token().failNext(1).withStatus(307).withHeader("Location", target.tokenUri());
				assertThatExceptionOfType(WaveTokenException.class).isThrownBy(() -> call(wave, "/iam/v1/whoami"))
					.satisfies((ex) -> assertThat(ex.getErrorCode())
						.isEqualTo(WaveTokenException.TOKEN_ENDPOINT_REDIRECT));
				assertThatExceptionOfType(AmbiguousRequestPathException.class).isThrownBy(() -> wave.get()
					.uri(URI.create(server.rootUrl() + "/m/blue/..%2f..%2fother"))
					.retrieve()
					.toBodilessEntity()
					.block(BLOCK));
				assertThat(call(wave, "/iam/v1/whoami")).isEqualTo(200);
			}
			assertThat(target.journal().tokenRequests()).isEmpty();
			assertThat(target.journal().apiRequests()).isEmpty();
			server.tokens().issued().forEach((issued) -> secrets.addAll(issued.values()));
			assertThat(server.tokens().issued()).hasSizeGreaterThanOrEqualTo(2);
		}
		String log = output.getAll();
		// the log is real: TRACE lines of Spring and Reactor Netty, the starter's own
		// lines
		assertThat(log).contains("TRACE")
			.contains("Wave starter: registration 'wave'")
			.contains("typed client: IamApi client for http://127.0.0.1:")
			.contains("reactor.netty");
		assertThat(log).doesNotContain("ClientRegistration{");
		for (String secret : secrets) {
			assertThat(log).as("log must not contain a secret or token").doesNotContain(secret);
		}
	}

	private static int call(WebClient client, String path) {
		return client.get()
			.uri(path)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(BLOCK);
	}

	private static ConfigurableApplicationContext application(MockWaveServer server) {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.properties(WaveContexts.properties(server))
			// renewals forced by invalidate() are not spaced out here
			.properties("logging.level.root=TRACE", "wave.token.max-attempts=1",
					"wave.token.forced-renewal-interval=0s",
					// settings that make Spring and Reactor Netty log request details
					"spring.http.codecs.log-request-details=true")
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	static class WiretappingConnector {

		@Bean
		ClientHttpConnectorBuilder<?> wiretappingConnectorBuilder() {
			// the textual format prints headers and bodies as they are (the default hex
			// dump
			// splits them into 16-byte lines)
			return ClientHttpConnectorBuilder.reactor()
				.withHttpClientCustomizer(
						(client) -> client.wiretap("wire", LogLevel.TRACE, AdvancedByteBufFormat.TEXTUAL));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
			HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			WebClientAutoConfiguration.class, WaveAutoConfiguration.class, WaveBlueApiAutoConfiguration.class })
	@Import(WiretappingConnector.class)
	static class TestApplication {

	}

}
