package io.github.wavestarter.token;

import java.util.Map;

import io.github.wavestarter.testsupport.LoopbackWaveServer;
import io.github.wavestarter.testsupport.LoopbackWaveServer.Response;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What goes over the wire: the multipart token request of each grant, and where the
 * bearer token is (and is not) sent.
 */
class TokenRequestProtocolTests {

	private LoopbackWaveServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = new LoopbackWaveServer();
		this.runner = new ApplicationContextRunner().withConfiguration(WaveContexts.autoConfigurations())
			.withPropertyValues(this.server.properties());
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void clientCredentialsGrantSendsExactlyTheDocumentedMultipartParts() {
		this.runner.run((context) -> {
			OAuth2AccessToken token = context.getBean(WaveAccessTokenProvider.class).getAccessToken().block();
			assertThat(token.getTokenValue()).startsWith("access-");
			assertThat(this.server.tokenJournal()).singleElement().satisfies((request) -> {
				assertThat(request.contentType()).startsWith("multipart/form-data;").contains("boundary=");
				assertThat(request.parts()).containsExactly(Map.entry("grant_type", "client_credentials"),
						Map.entry("client_id", LoopbackWaveServer.CLIENT_ID),
						Map.entry("client_secret", LoopbackWaveServer.CLIENT_SECRET), Map.entry("scope", "openid"));
			});
		});
	}

	@Test
	void passwordGrantAddsUsernameAndPasswordParts() {
		this.runner
			.withPropertyValues("wave.grant-type=password", "wave.username=alice@example.com",
					"wave.password=Pa55-word!")
			.run((context) -> {
				context.getBean(WaveAccessTokenProvider.class).getAccessToken().block();
				assertThat(this.server.tokenJournal()).singleElement()
					.satisfies((request) -> assertThat(request.parts()).containsExactly(
							Map.entry("grant_type", "password"), Map.entry("client_id", LoopbackWaveServer.CLIENT_ID),
							Map.entry("client_secret", LoopbackWaveServer.CLIENT_SECRET), Map.entry("scope", "openid"),
							Map.entry("username", "alice@example.com"), Map.entry("password", "Pa55-word!")));
			});
	}

	@Test
	void tokenResponseKeepsIdTokenAndRefreshToken() {
		this.runner.run((context) -> {
			OAuth2AccessToken token = context.getBean(WaveAccessTokenProvider.class).getAccessToken().block();
			assertThat(token.getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
			assertThat(token.getExpiresAt()).isAfter(token.getIssuedAt().plusSeconds(86000));
		});
	}

	@Test
	void bearerReachesTheBlueApiButNoOtherHost() {
		try (LoopbackWaveServer otherHost = new LoopbackWaveServer()) {
			this.runner.run((context) -> {
				WebClient wave = context.getBean("waveWebClient", WebClient.class);
				String body = wave.get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class).block();
				assertThat(body).contains("/m/blue/iam/v1/whoami");
				wave.get().uri(this.server.elsewhereUrl()).retrieve().bodyToMono(String.class).block();
				wave.get().uri(otherHost.elsewhereUrl()).retrieve().bodyToMono(String.class).block();
				wave.get()
					.uri("http://127.0.0.1:" + this.server.port() + "/m/blueish/x")
					.retrieve()
					.toBodilessEntity()
					.onErrorComplete()
					.block();
				assertThat(this.server.apiJournal()).hasSize(3);
				assertThat(this.server.apiJournal().get(0).authorization()).startsWith("Bearer access-");
				assertThat(this.server.apiJournal().get(1).authorization()).isNull();
				assertThat(this.server.apiJournal().get(2).authorization()).isNull();
				assertThat(otherHost.apiJournal()).singleElement()
					.satisfies((request) -> assertThat(request.authorization()).isNull());
			});
		}
	}

	@Test
	void oauth2ErrorOfTheTokenEndpointBecomesAnExceptionWithItsCodeButNoSecret() {
		this.runner.withPropertyValues("wave.client-secret=wrong-Secret-42").run((context) -> {
			WebClient wave = context.getBean("waveWebClient", WebClient.class);
			assertThatExceptionOfType(WaveTokenException.class)
				.isThrownBy(() -> wave.get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class).block())
				.satisfies((failure) -> {
					assertThat(failure.getErrorCode()).isEqualTo("invalid_client");
					assertThat(failure.getHttpStatus()).isEqualTo(401);
					assertThat(failure.isTransient()).isFalse();
					assertThat(failure.getMessage()).contains("invalid_client")
						.contains("Bad client credentials")
						.doesNotContain("wrong-Secret-42");
				});
			assertThat(this.server.tokenRequests()).isEqualTo(1);
			assertThat(this.server.apiRequests()).isZero();
		});
	}

	@Test
	void urlEncodedRefusalOfAStrictEndpointIsReportedAsInvalidRequest() {
		this.server.enqueueTokenAnswer(
				Response.json(400, "{\"error\":\"invalid_request\",\"error_description\":\"multipart only\"}"));
		this.runner.run((context) -> assertThatExceptionOfType(WaveTokenException.class)
			.isThrownBy(() -> context.getBean(WaveAccessTokenProvider.class).getAccessToken().block())
			.satisfies((failure) -> assertThat(failure.getErrorCode()).isEqualTo("invalid_request")));
	}

}
