package io.github.wavestarter.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import java.util.stream.Stream;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.journal.IssuedTokenSet;
import io.github.wavestarter.test.journal.RecordedApiRequest;
import io.github.wavestarter.test.junit.MockWaveServerTest;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Paths on the Blue API's own host that leave {@code wave.base-url} get no token, over
 * real HTTP: the emulator records what each request carried.
 */
@MockWaveServerTest
class WaveBearerScopeTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	@Test
	void dotSegmentsLeavingTheBasePathGetNoToken(MockWaveServer server) {
		WaveContexts.plainForServer(server).run((context) -> {
			WebClient wave = context.getBean("waveWebClient", WebClient.class);
			// the control: a request under the base path carries the token
			assertThat(status(wave, URI.create(server.baseUrl() + "/iam/v1/whoami"))).isEqualTo(200);
			for (String path : List.of("/m/blue/../../other", "/m/blue/%2e%2e/x", "/m/blue/%2E%2e/%2e%2E/other",
					"/m/bluex/iam/v1/whoami", "/m/blue/x/../../bluex/y")) {
				status(wave, URI.create(server.rootUrl() + path));
			}
			// a relative URI template as an application writes it
			wave.get().uri("/../../other").exchangeToMono((response) -> response.releaseBody()).block(BLOCK);
			List<RecordedApiRequest> received = received(server);
			assertThat(received).extracting(RecordedApiRequest::path)
				.containsExactlyInAnyOrder("/iam/v1/whoami", "/../../other", "/%2e%2e/x", "/%2E%2e/%2e%2E/other",
						"/m/bluex/iam/v1/whoami", "/x/../../bluex/y", "/../../other");
			assertThat(received).filteredOn(RecordedApiRequest::hasAuthorization)
				.singleElement()
				.satisfies((request) -> {
					assertThat(request.path()).isEqualTo("/iam/v1/whoami");
					assertThat(request.hasBearerToken(lastIssuedToken(server))).isTrue();
				});
			assertThat(server.journal().tokenRequestCount()).isOne();
		});
	}

	@Test
	void ambiguousPathsFailBeforeAnythingIsSent(MockWaveServer server) {
		WaveContexts.plainForServer(server).run((context) -> {
			WebClient wave = context.getBean("waveWebClient", WebClient.class);
			for (String path : List.of("/m/blue/..%2f..%2fother", "/m/blue/..%2F..%2Fother", "/m/blue/..%5c..%5cother",
					"/m/blue/..;/..;/other", "/m/blue//../x", "/m/blue/%252e%252e/%252e%252e/other")) {
				URI url = URI.create(server.rootUrl() + path);
				assertThatExceptionOfType(AmbiguousRequestPathException.class).isThrownBy(() -> status(wave, url))
					.withMessageStartingWith("Refused to send GET " + url)
					.withMessageContaining("'/m/blue'")
					.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo(path));
			}
			assertThat(received(server)).isEmpty();
			assertThat(server.journal().tokenRequestCount()).isZero();
		});
	}

	@Test
	void aUriVariableCannotSteerTheTokenOutOfTheBasePath(MockWaveServer server) {
		WaveContexts.plainForServer(server).run((context) -> {
			WebClient wave = context.getBean("waveWebClient", WebClient.class);
			assertThatExceptionOfType(AmbiguousRequestPathException.class)
				.isThrownBy(() -> wave.get()
					.uri("/v1/aws/accounts/{id}", "../../../../other")
					.retrieve()
					.toBodilessEntity()
					.block(BLOCK))
				.withMessageContaining("/m/blue/v1/aws/accounts/..%2F..%2F..%2F..%2Fother");
			// an id with an encoded slash stays under the base path in every reading
			wave.get()
				.uri("/v1/aws/accounts/{id}", "a/b")
				.exchangeToMono((response) -> response.releaseBody())
				.block(BLOCK);
			assertThat(received(server)).singleElement().satisfies((request) -> {
				assertThat(request.path()).isEqualTo("/v1/aws/accounts/a%2Fb");
				assertThat(request.hasAuthorization()).isTrue();
			});
		});
	}

	/** Every request the emulator received, under its base path or not. */
	private static List<RecordedApiRequest> received(MockWaveServer server) {
		return Stream.concat(server.journal().apiRequests().stream(), server.journal().strayRequests().stream())
			.toList();
	}

	/** The server is shared by the tests, and each context gets its own token. */
	private static String lastIssuedToken(MockWaveServer server) {
		List<IssuedTokenSet> issued = server.tokens().issued();
		return issued.get(issued.size() - 1).accessToken();
	}

	private static Integer status(WebClient client, URI url) {
		return client.get()
			.uri(url)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(BLOCK);
	}

}
