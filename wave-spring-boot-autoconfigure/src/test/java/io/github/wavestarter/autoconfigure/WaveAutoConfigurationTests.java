package io.github.wavestarter.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.blue.GrpcCode;
import io.github.wavestarter.client.WaveWebClientCustomizer;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.testsupport.FixedTokenProvider;
import io.github.wavestarter.testsupport.WaveContexts;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.github.wavestarter.token.WaveTokenManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WaveAutoConfigurationTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private MockWaveServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = MockWaveServer.start();
		this.runner = WaveContexts.plainForServer(this.server);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void publishesRegistrationTokenManagerAndWebClient() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(WaveTokenManager.class)
				.hasBean("waveWebClient")
				.hasBean("waveClientRegistration");
			ClientRegistration registration = context.getBean("waveClientRegistration", ClientRegistration.class);
			assertThat(registration.getRegistrationId()).isEqualTo("wave");
			assertThat(registration.getClientAuthenticationMethod())
				.isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
			assertThat(registration.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.CLIENT_CREDENTIALS);
			assertThat(registration.getScopes()).containsExactly("openid");
			assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(this.server.tokenUri());
			assertThat(context.getBean(WebClient.class)).isSameAs(context.getBean("waveWebClient"));
		});
	}

	@Test
	void passwordGrantAndRegistrationIdFromProperties() {
		this.runner
			.withPropertyValues("wave.grant-type=password", "wave.username=alice", "wave.password=pw-Value-1",
					"wave.registration-id=alphaus")
			.run((context) -> {
				ClientRegistration registration = context.getBean(ClientRegistration.class);
				assertThat(registration.getRegistrationId()).isEqualTo("alphaus");
				assertThat(registration.getAuthorizationGrantType().getValue()).isEqualTo("password");
			});
	}

	@Test
	void publishesNoBeanOfSpringSecuritySharedTypes() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ReactiveClientRegistrationRepository.class)
			.doesNotHaveBean(ReactiveOAuth2AuthorizedClientManager.class)
			.doesNotHaveBean(ReactiveOAuth2AuthorizedClientService.class)
			.doesNotHaveBean(ReactiveOAuth2AuthorizedClientProvider.class)
			.doesNotHaveBean(ReactiveOAuth2AccessTokenResponseClient.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("wave.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(WaveTokenManager.class)
				.doesNotHaveBean("waveWebClient")
				.doesNotHaveBean(WaveProperties.class));
	}

	@Test
	void backsOffWithoutSpringSecurityOAuth2Client() {
		this.runner.withClassLoader(new FilteredClassLoader(ReactiveOAuth2AuthorizedClientManager.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(WaveTokenManager.class)
				.doesNotHaveBean("waveWebClient"));
	}

	@Test
	void backsOffWithoutWebClient() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WaveAutoConfiguration.class))
			.withPropertyValues(WaveContexts.properties(this.server))
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WaveTokenManager.class));
	}

	@Test
	void usersWebClientWinsByTypeAndOursStaysReachableByName() {
		this.runner.withUserConfiguration(UserWebClientConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			UserWebClientConfiguration.Consumer consumer = context.getBean(UserWebClientConfiguration.Consumer.class);
			assertThat(consumer.plain()).isSameAs(context.getBean("usersWebClient"));
			assertThat(consumer.wave()).isSameAs(context.getBean("waveWebClient"));
			assertThat(consumer.plain()).isNotSameAs(consumer.wave());
		});
	}

	@Test
	void usersTokenProviderReplacesTheManager() {
		this.runner.withBean(WaveAccessTokenProvider.class, FixedTokenProvider::new).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(WaveTokenManager.class);
			WebClient wave = context.getBean("waveWebClient", WebClient.class);
			// the emulator never issued the fixed token: 401, replayed once, then the
			// caller gets the second 401
			assertThatExceptionOfType(BlueApiException.class)
				.isThrownBy(
						() -> wave.get().uri("/cost/v1/aws/accounts").retrieve().bodyToMono(String.class).block(BLOCK))
				.satisfies((failure) -> {
					assertThat(failure.getHttpStatus()).isEqualTo(401);
					assertThat(failure.getGrpcCode()).isEqualTo(GrpcCode.UNAUTHENTICATED);
				});
			assertThat(this.server.journal().apiRequests()).hasSize(2)

				.allSatisfy((request) -> assertThat(request.hasBearerToken(FixedTokenProvider.TOKEN)).isTrue());
			assertThat(this.server.journal().tokenRequestCount()).isZero();
		});
	}

	@Test
	void waveWebClientCustomizerAppliesToWaveWebClientOnly() {
		List<String> customizedRequests = new CopyOnWriteArrayList<>();
		this.runner.withUserConfiguration(UserWebClientConfiguration.class)
			.withBean(WaveWebClientCustomizer.class, () -> (builder) -> builder.filter((request, next) -> {
				customizedRequests.add(request.url().getPath());
				return next.exchange(request);
			}))
			.run((context) -> {
				context.getBean("waveWebClient", WebClient.class)
					.get()
					.uri("/iam/v1/whoami")
					.retrieve()
					.toBodilessEntity()
					.block(BLOCK);
				Integer elsewhere = context.getBean("usersWebClient", WebClient.class)
					.get()
					.uri("http://localhost:" + this.server.port() + "/elsewhere")
					.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
					.block(BLOCK);
				assertThat(elsewhere).isEqualTo(404);
				assertThat(customizedRequests).containsExactly("/m/blue/iam/v1/whoami");
				assertThat(this.server.journal().apiRequests()).singleElement().satisfies((request) -> {
					assertThat(request.path()).isEqualTo("/iam/v1/whoami");
					assertThat(request.authorizationScheme()).isEqualTo("Bearer");
					assertThat(request.hasBearerToken(this.server.tokens().issued().get(0).accessToken())).isTrue();
				});
				assertThat(this.server.journal().strayRequests()).singleElement().satisfies((request) -> {
					assertThat(request.path()).isEqualTo("/elsewhere");
					assertThat(request.hasAuthorization()).isFalse();
				});
			});
	}

	@Test
	void usersOwnOAuth2LoginRegistrationSurvivesNextToOurs() {
		this.runner
			.withConfiguration(AutoConfigurations.of(OAuth2ClientAutoConfiguration.class,
					ReactiveOAuth2ClientAutoConfiguration.class))
			.withPropertyValues("spring.security.oauth2.client.registration.github.client-id=gh-id",
					"spring.security.oauth2.client.registration.github.client-secret=gh-secret",
					"spring.security.oauth2.client.registration.github.provider=github")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ReactiveClientRegistrationRepository.class);
				ReactiveClientRegistrationRepository repository = context
					.getBean(ReactiveClientRegistrationRepository.class);
				assertThat(repository.findByRegistrationId("github").block(BLOCK)).isNotNull();
				assertThat(repository.findByRegistrationId("wave").block(BLOCK)).isNull();
				assertThat(context).hasSingleBean(WaveTokenManager.class).hasBean("waveWebClient");
				// the token comes from Wave's endpoint with Wave's client, not GitHub's
				OAuth2AccessToken token = context.getBean(WaveTokenManager.class).getAccessToken().block(BLOCK);
				assertThat(token.getTokenValue()).isEqualTo(this.server.tokens().issued().get(0).accessToken());
				assertThat(this.server.journal().tokenRequests()).singleElement()
					.satisfies((request) -> assertThat(request.parts()).containsEntry("client_id",
							this.server.clientId()));
			});
	}

	@Test
	void servletAndReactiveApplicationsGetTheBeans() {
		new WebApplicationContextRunner().withConfiguration(WaveContexts.autoConfigurations())
			.withPropertyValues(WaveContexts.properties(this.server))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(WaveTokenManager.class)
				.hasBean("waveWebClient"));
		new ReactiveWebApplicationContextRunner().withConfiguration(WaveContexts.autoConfigurations())
			.withPropertyValues(WaveContexts.properties(this.server))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(WaveTokenManager.class)
				.hasBean("waveWebClient"));
	}

	@Test
	void missingCredentialsFailStartupNamingPropertiesAndVariables() {
		new ApplicationContextRunner().withConfiguration(WaveContexts.autoConfigurations())
			.withPropertyValues(WaveContexts.FAST_SHUTDOWN)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidWaveConfigurationException.class)
					.hasMessageContaining("wave.client-id")
					.hasMessageContaining("ALPHAUS_CLIENT_ID")
					.hasMessageContaining("wave.client-secret");
			});
	}

	@Test
	void passwordGrantWithoutUserFailsStartup() {
		this.runner.withPropertyValues("wave.grant-type=password").run((context) -> {
			assertThat(context).hasFailed();
			InvalidWaveConfigurationException failure = (InvalidWaveConfigurationException) rootCause(
					context.getStartupFailure());
			assertThat(failure.getProblems()).extracting(InvalidWaveConfigurationException.Problem::property)
				.containsExactly("wave.username", "wave.password");
		});
	}

	@Test
	void unknownGrantTypeIsABindingErrorNamingTheProperty() {
		this.runner.withPropertyValues("wave.grant-type=authorization_code").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("wave.grant-type")
				.hasStackTraceContaining("authorization_code");
		});
	}

	@Test
	void relaxedGrantTypeValuesBind() {
		this.runner.withPropertyValues("wave.grant-type=client-credentials")
			.run((context) -> assertThat(context.getBean(WaveProperties.class).getGrantType().name())
				.isEqualTo("CLIENT_CREDENTIALS"));
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserWebClientConfiguration {

		@Bean
		WebClient usersWebClient(WebClient.Builder builder) {
			return builder.build();
		}

		@Bean
		Consumer consumer(WebClient plain, @Qualifier("waveWebClient") WebClient wave) {
			return new Consumer(plain, wave);
		}

		record Consumer(WebClient plain, WebClient wave) {
		}

	}

}
