package io.github.wavestarter.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.journal.RecordedApiRequest;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Paths on the Blue API's own host that leave {@code wave.base-url} get no token, over
 * real HTTP: the emulator records what each request carried.
 */
class WaveBearerScopeTests {

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
	void dotSegmentsLeavingTheBasePathGetNoToken() {
		this.runner.run((context) -> {
			WebClient wave = context.getBean("waveWebClient", WebClient.class);
			// the control: a request under the base path carries the token
			assertThat(status(wave, URI.create(this.server.baseUrl() + "/iam/v1/whoami"))).isEqualTo(200);
			for (String path : List.of("/m/blue/../../other", "/m/blue/%2e%2e/x", "/m/blue/%2E%2e/%2e%2E/other",
					"/m/bluex/iam/v1/whoami", "/m/blue/x/../../bluex/y")) {
				status(wave, URI.create(this.server.rootUrl() + path));
			}
			// a relative URI template as an application writes it
			wave.get().uri("/../../other").exchangeToMono((response) -> response.releaseBody()).block(BLOCK);
			List<RecordedApiRequest> received = received();
			assertThat(received).extracting(RecordedApiRequest::path)
				.containsExactlyInAnyOrder("/iam/v1/whoami", "/../../other", "/%2e%2e/x", "/%2E%2e/%2e%2E/other",
						"/m/bluex/iam/v1/whoami", "/x/../../bluex/y", "/../../other");
			assertThat(received).filteredOn(RecordedApiRequest::hasAuthorization)
				.singleElement()
				.satisfies((request) -> {
					assertThat(request.path()).isEqualTo("/iam/v1/whoami");
					assertThat(request.hasBearerToken(this.server.issuedTokens().get(0).accessToken())).isTrue();
				});
			assertThat(this.server.tokenRequestCount()).isOne();
		});
	}

	@Test
	void ambiguousPathsFailBeforeAnythingIsSent() {
		this.runner.run((context) -> {
			WebClient wave = context.getBean("waveWebClient", WebClient.class);
			for (String path : List.of("/m/blue/..%2f..%2fother", "/m/blue/..%2F..%2Fother", "/m/blue/..%5c..%5cother",
					"/m/blue/..;/..;/other", "/m/blue//../x", "/m/blue/%252e%252e/%252e%252e/other")) {
				URI url = URI.create(this.server.rootUrl() + path);
				assertThatExceptionOfType(AmbiguousRequestPathException.class).isThrownBy(() -> status(wave, url))
					.withMessageStartingWith("Refused to send GET " + url)
					.withMessageContaining("'/m/blue'")
					.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo(path));
			}
			assertThat(received()).isEmpty();
			assertThat(this.server.tokenRequestCount()).isZero();
		});
	}

	@Test
	void aUriVariableCannotSteerTheTokenOutOfTheBasePath() {
		this.runner.run((context) -> {
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
			assertThat(received()).singleElement().satisfies((request) -> {
				assertThat(request.path()).isEqualTo("/v1/aws/accounts/a%2Fb");
				assertThat(request.hasAuthorization()).isTrue();
			});
		});
	}

	private List<RecordedApiRequest> received() {
		return java.util.stream.Stream.concat(this.server.apiRequests().stream(), this.server.strayRequests().stream())
			.toList();
	}

	private static Integer status(WebClient client, URI url) {
		return client.get()
			.uri(url)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(BLOCK);
	}

}
