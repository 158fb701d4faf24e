package io.github.wavestarter.autoconfigure;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.github.wavestarter.client.WaveTokenEndpointClientCustomizer;
import io.github.wavestarter.client.WaveWebClientCustomizer;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.journal.RecordedApiRequest;
import io.github.wavestarter.test.junit.MockWaveServerTest;
import io.github.wavestarter.testsupport.WaveContexts;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import io.github.wavestarter.token.WaveTokenException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Wave's clients follow no redirect, whatever the application's HTTP client settings say:
 * a redirect of the token endpoint would re-post the client secret to its
 * {@code Location}, one of the Blue API would carry the token there. A second loopback
 * server is the redirect target; the emulator's journals record every request.
 */
@MockWaveServerTest
class WaveRedirectTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	static Stream<Named<UnaryOperator<ApplicationContextRunner>>> applications() {
		return Stream.of(Named.of("Boot's defaults", UnaryOperator.identity()),
				Named.of("spring.http.clients.redirects=follow",
						(runner) -> runner.withPropertyValues("spring.http.clients.redirects=follow")),
				Named.of("a connector builder that follows redirects",
						(runner) -> runner.withPropertyValues("spring.http.clients.redirects=follow")
							.withBean(ClientHttpConnectorBuilder.class, () -> ClientHttpConnectorBuilder.reactor()
								.withHttpClientCustomizer((client) -> client.followRedirect(true)))));
	}

	@ParameterizedTest
	@MethodSource("applications")
	void theTokenRequestFollowsNoRedirect(UnaryOperator<ApplicationContextRunner> application, MockWaveServer server) {
		try (MockWaveServer target = MockWaveServer.start()) {
			for (int status : new int[] { 302, 307, 308 }) {
				server.faults().token().failNext(1).withStatus(status).withHeader("Location", target.tokenUri());
			}
			application.apply(WaveContexts.plainForServer(server))
				.withPropertyValues("wave.token.max-attempts=1")
				.run((context) -> {
					WaveAccessTokenProvider tokens = context.getBean(WaveAccessTokenProvider.class);
					for (int i = 0; i < 3; i++) {
						assertThatExceptionOfType(WaveTokenException.class)
							.isThrownBy(() -> tokens.getAccessToken().block(BLOCK))
							.satisfies((ex) -> {
								assertThat(ex.getErrorCode()).isEqualTo(WaveTokenException.TOKEN_ENDPOINT_REDIRECT);
								assertThat(ex.toString()).doesNotContain(server.clientSecret());
							});
					}
					assertThat(server.journal().tokenRequestCount()).isEqualTo(3);
					assertNothingReached(target);
					// the faults are spent: the next request gets a token from the
					// endpoint
					assertThat(tokens.getAccessToken().block(BLOCK)).isNotNull();
				});
		}
	}

	@ParameterizedTest
	@MethodSource("applications")
	void blueApiRedirectsReachTheCallerAndNoOneElse(UnaryOperator<ApplicationContextRunner> application,
			MockWaveServer server) {
		try (MockWaveServer target = MockWaveServer.start()) {
			String[] locations = { target.baseUrl() + "/iam/v1/whoami", server.rootUrl() + "/foreign/x",
					server.rootUrl() + "/m/bluex/iam/v1/whoami", "/m/blue/../../other" };
			int[] statuses = { 302, 307, 308, 301 };
			for (int i = 0; i < locations.length; i++) {
				server.faults().api().failNext(1).withStatus(statuses[i]).withHeader("Location", locations[i]);
			}
			application.apply(WaveContexts.plainForServer(server)).run((context) -> {
				WebClient wave = context.getBean("waveWebClient", WebClient.class);
				for (int i = 0; i < locations.length; i++) {
					ResponseEntity<Void> response = wave.get()
						.uri("/iam/v1/whoami")
						.retrieve()
						.toBodilessEntity()
						.block(BLOCK);
					assertThat(response.getStatusCode().value()).isEqualTo(statuses[i]);
					assertThat(response.getHeaders().getFirst(HttpHeaders.LOCATION)).isEqualTo(locations[i]);
				}
				assertThat(server.journal().apiRequests()).hasSize(locations.length)
					.extracting(RecordedApiRequest::path)
					.containsOnly("/iam/v1/whoami");
				assertThat(server.journal().strayRequests()).isEmpty();
				assertNothingReached(target);
			});
		}
	}

	/**
	 * The control: with a connector that follows redirects in place of Wave's, the same
	 * faults do send the secret and the token away, so the tests above can fail.
	 */
	@Test
	void aFollowingConnectorWouldLeakTheTokenAndOnlyTheBodyGuardKeepsTheSecret(MockWaveServer server) {
		try (MockWaveServer target = MockWaveServer.start()) {
			server.faults().token().failNext(1).withStatus(307).withHeader("Location", target.tokenUri());
			server.faults().api().failNext(1).withStatus(307).withHeader("Location", server.rootUrl() + "/foreign/x");
			ReactorClientHttpConnector following = new ReactorClientHttpConnector(
					HttpClient.create(ConnectionProvider.newConnection()).followRedirect(true));
			WaveContexts.plainForServer(server)
				.withPropertyValues("wave.token.max-attempts=1")
				.withBean(WaveTokenEndpointClientCustomizer.class,
						() -> (builder) -> builder.clientConnector(following))
				.withBean(WaveWebClientCustomizer.class, () -> (builder) -> builder.clientConnector(following))
				.run((context) -> {
					WebClient wave = context.getBean("waveWebClient", WebClient.class);
					wave.get().uri("/iam/v1/whoami").retrieve().toBodilessEntity().onErrorComplete().block(BLOCK);
					// the token client's own guard (the body is never written twice)
					// keeps the secret even here; only the connector keeps the bearer
					// token
					assertThat(target.journal().tokenRequests()).isEmpty();
					wave.get().uri("/iam/v1/whoami").retrieve().toBodilessEntity().onErrorComplete().block(BLOCK);
					assertThat(server.journal().strayRequests()).singleElement().satisfies((request) -> {
						assertThat(request.path()).isEqualTo("/foreign/x");
						assertThat(request.hasAuthorization()).isTrue();
					});
				});
		}
	}

	private static void assertNothingReached(MockWaveServer target) {
		assertThat(target.journal().tokenRequests()).isEmpty();
		assertThat(target.journal().apiRequests()).isEmpty();
		assertThat(target.journal().strayRequests()).isEmpty();
	}

}
