package io.github.wavestarter.token;

import java.time.Duration;

import java.util.Map;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.journal.RecordedApiRequest;
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

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private MockWaveServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = MockWaveServer.builder().user("alice@example.com", "Pa55-word!").start();
		this.runner = WaveContexts.plainForServer(this.server);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void clientCredentialsGrantSendsExactlyTheDocumentedMultipartParts() {
		this.runner.run((context) -> {
			OAuth2AccessToken token = context.getBean(WaveAccessTokenProvider.class).getAccessToken().block(BLOCK);
			assertThat(token.getTokenValue()).isEqualTo(this.server.tokens().issued().get(0).accessToken());
			assertThat(this.server.journal().tokenRequests()).singleElement().satisfies((request) -> {
				assertThat(request.contentType()).startsWith("multipart/form-data;").contains("boundary=");
				assertThat(request.parts()).containsExactly(Map.entry("grant_type", "client_credentials"),
						Map.entry("client_id", this.server.clientId()),
						Map.entry("client_secret", this.server.clientSecret()), Map.entry("scope", "openid"));
			});
		});
	}

	@Test
	void passwordGrantAddsUsernameAndPasswordParts() {
		this.runner
			.withPropertyValues("wave.grant-type=password", "wave.username=alice@example.com",
					"wave.password=Pa55-word!")
			.run((context) -> {
				context.getBean(WaveAccessTokenProvider.class).getAccessToken().block(BLOCK);
				assertThat(this.server.journal().tokenRequests()).singleElement()
					.satisfies((request) -> assertThat(request.parts()).containsExactly(
							Map.entry("grant_type", "password"), Map.entry("client_id", this.server.clientId()),
							Map.entry("client_secret", this.server.clientSecret()), Map.entry("scope", "openid"),
							Map.entry("username", "alice@example.com"), Map.entry("password", "Pa55-word!")));
			});
	}

	@Test
	void tokenResponseKeepsIdTokenAndRefreshToken() {
		this.runner.run((context) -> {
			OAuth2AccessToken token = context.getBean(WaveAccessTokenProvider.class).getAccessToken().block(BLOCK);
			assertThat(token.getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
			assertThat(token.getExpiresAt()).isAfter(token.getIssuedAt().plusSeconds(86000));
		});
	}

	@Test
	void bearerReachesTheBlueApiButNoOtherHost() {
		try (MockWaveServer otherHost = MockWaveServer.start()) {
			this.runner.run((context) -> {
				WebClient wave = context.getBean("waveWebClient", WebClient.class);
				String body = wave.get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class).block(BLOCK);
				assertThat(body).contains("\"id\":\"" + this.server.clientId() + "\"");
				assertThat(status(wave, "http://localhost:" + this.server.port() + "/elsewhere")).isEqualTo(404);
				assertThat(status(wave, "http://localhost:" + otherHost.port() + "/elsewhere")).isEqualTo(404);
				wave.get()
					.uri("http://127.0.0.1:" + this.server.port() + "/m/blueish/x")
					.retrieve()
					.toBodilessEntity()
					.onErrorComplete()
					.block(BLOCK);
				assertThat(this.server.journal().apiRequests()).singleElement().satisfies((request) -> {
					assertThat(request.authorizationScheme()).isEqualTo("Bearer");
					assertThat(request.hasBearerToken(this.server.tokens().issued().get(0).accessToken())).isTrue();
				});
				assertThat(this.server.journal().strayRequests()).extracting(RecordedApiRequest::path)
					.containsExactly("/elsewhere", "/m/blueish/x");
				assertThat(this.server.journal().strayRequests()).noneMatch(RecordedApiRequest::hasAuthorization);
				assertThat(otherHost.journal().strayRequests()).singleElement()
					.satisfies((request) -> assertThat(request.hasAuthorization()).isFalse());
				assertThat(otherHost.journal().apiRequests()).isEmpty();
			});
		}
	}

	@Test
	void oauth2ErrorOfTheTokenEndpointBecomesAnExceptionWithItsCodeButNoSecret() {
		this.runner.withPropertyValues("wave.client-secret=wrong-Secret-42").run((context) -> {
			WebClient wave = context.getBean("waveWebClient", WebClient.class);
			assertThatExceptionOfType(WaveTokenException.class)
				.isThrownBy(() -> wave.get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class).block(BLOCK))
				.satisfies((failure) -> {
					assertThat(failure.getErrorCode()).isEqualTo("invalid_client");
					assertThat(failure.getHttpStatus()).isEqualTo(401);
					assertThat(failure.isTransient()).isFalse();
					assertThat(failure.getMessage()).contains("invalid_client")
						.contains("client authentication failed")
						.doesNotContain("wrong-Secret-42");
				});
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(1);
			assertThat(this.server.journal().apiRequestCount()).isZero();
		});
	}

	@Test
	void urlEncodedRefusalOfAStrictEndpointIsReportedAsInvalidRequest() {
		this.server.faults()
			.token()
			.failNext(1)
			.withStatus(400, "{\"error\":\"invalid_request\",\"error_description\":\"multipart only\"}");
		this.runner.run((context) -> assertThatExceptionOfType(WaveTokenException.class)
			.isThrownBy(() -> context.getBean(WaveAccessTokenProvider.class).getAccessToken().block(BLOCK))
			.satisfies((failure) -> assertThat(failure.getErrorCode()).isEqualTo("invalid_request")));
	}

	private static Integer status(WebClient client, String url) {
		return client.get()
			.uri(url)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(BLOCK);
	}

}
