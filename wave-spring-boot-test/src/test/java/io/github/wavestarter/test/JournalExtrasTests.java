package io.github.wavestarter.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wavestarter.test.journal.IssuedTokenSet;
import io.github.wavestarter.test.journal.RecordedApiRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.netty.http.HttpResources;

/**
 * Authorization facts in the API journal, stray requests, issued token sets, the token
 * response delay and the emulator's own event loop.
 */
class JournalExtrasTests extends EmulatorFixture {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	@Test
	void apiJournalTellsWhetherAndWhichBearerTokenWasSentButNeverStoresOrPrintsIt() {
		String token = http.accessToken();
		http.get("/iam/v1/whoami", token);
		http.get("/iam/v1/whoami", null);
		WaveHttp.send(http.api("/iam/v1/whoami", null).header("Authorization", "Basic dXNlcjpwdw==").build());
		http.get("/iam/v1/whoami", "not-a-token-Value-42");

		List<RecordedApiRequest> requests = server.journal().apiRequests();
		assertThat(requests).hasSize(4);
		assertThat(requests.get(0).hasAuthorization()).isTrue();
		assertThat(requests.get(0).authorizationScheme()).isEqualTo("Bearer");
		assertThat(requests.get(0).hasBearerToken(token)).isTrue();
		assertThat(requests.get(0).hasBearerToken(token + "x")).isFalse();
		assertThat(requests.get(0).validToken()).isTrue();
		assertThat(requests.get(1).hasAuthorization()).isFalse();
		assertThat(requests.get(1).authorizationScheme()).isNull();
		assertThat(requests.get(1).hasBearerToken(token)).isFalse();
		assertThat(requests.get(2).authorizationScheme()).isEqualTo("Basic");
		assertThat(requests.get(2).bearerTokenSha256()).isNull();
		assertThat(requests.get(3).hasBearerToken("not-a-token-Value-42")).isTrue();
		assertThat(requests.get(3).validToken()).isFalse();
		for (RecordedApiRequest request : requests) {
			assertThat(request.toString()).doesNotContain(token)
				.doesNotContain("not-a-token-Value-42")
				.doesNotContain("dXNlcjpwdw==");
			assertThat(List.of(request.path(), request.query(), request.body(),
					String.valueOf(request.bearerTokenSha256())))
				.noneMatch(value -> value.contains(token));
		}
		assertThat(requests.get(0).toString()).contains("authorization=Bearer");
		assertThat(requests.get(1).toString()).contains("authorization=none");
	}

	@Test
	void requestsOutsideTokenEndpointAndApiAreJournaledAsStray() {
		String token = http.accessToken();
		HttpResponse<String> elsewhere = WaveHttp
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/elsewhere?x=1"))
				.header("Authorization", "Bearer " + token)
				.build());
		HttpResponse<String> blueish = WaveHttp
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/m/blueish/x")).build());

		assertThat(elsewhere.statusCode()).isEqualTo(404);
		assertThat(blueish.statusCode()).isEqualTo(404);
		assertThat(server.journal().apiRequests()).isEmpty();
		assertThat(server.journal().apiRequestCount()).isZero();
		assertThat(server.journal().strayRequests()).hasSize(2);
		RecordedApiRequest first = server.journal().strayRequests().get(0);
		assertThat(first.path()).isEqualTo("/elsewhere");
		assertThat(first.query()).isEqualTo("x=1");
		assertThat(first.hasBearerToken(token)).isTrue();
		assertThat(first.validToken()).isFalse();
		assertThat(server.journal().strayRequests().get(1).path()).isEqualTo("/m/blueish/x");
		assertThat(server.journal().strayRequests().get(1).hasAuthorization()).isFalse();
		server.reset();
		assertThat(server.journal().strayRequests()).isEmpty();
	}

	@Test
	void issuedTokensListEveryTokenSetInOrderAndMaskThemInToString() {
		int before = server.tokens().issued().size();
		String viaEndpoint = WaveHttp.json(http.tokenMultipart(http.passwordForm()).body())
			.get("access_token")
			.asString();
		String direct = server.tokens().issueAccessToken();
		server.tokens().revokeAll();
		server.reset();

		List<IssuedTokenSet> issued = server.tokens().issued();
		assertThat(issued).hasSize(before + 2);
		IssuedTokenSet password = issued.get(before);
		assertThat(password.accessToken()).isEqualTo(viaEndpoint);
		assertThat(password.grantType()).isEqualTo("password");
		assertThat(password.subject()).isEqualTo(server.username());
		assertThat(password.values()).containsExactly(password.accessToken(), password.idToken(),
				password.refreshToken());
		assertThat(password.toString()).contains("password")
			.doesNotContain(password.accessToken())
			.doesNotContain(password.idToken())
			.doesNotContain(password.refreshToken());
		assertThat(issued.get(before + 1).accessToken()).isEqualTo(direct);
		assertThat(issued.get(before + 1).grantType()).isEqualTo("client_credentials");
	}

	@Test
	void tokenResponseDelayAppliesToEveryTokenRequestUntilTurnedOff() {
		server.tokens().responseDelay(Duration.ofMillis(300));
		for (int i = 0; i < 2; i++) {
			long started = System.nanoTime();
			assertThat(http.tokenMultipart(http.clientCredentialsForm()).statusCode()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		}

		server.faults().token().failNext(1).withStatus(503);
		long started = System.nanoTime();
		assertThat(http.tokenMultipart(http.clientCredentialsForm()).statusCode()).isEqualTo(503);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

		server.tokens().responseDelay(Duration.ZERO);
		started = System.nanoTime();
		assertThat(http.tokenMultipart(http.clientCredentialsForm()).statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(290));
		assertThat(server.journal().tokenRequestCount()).isEqualTo(4);
		assertThatThrownBy(() -> server.tokens().responseDelay(Duration.ofMillis(-1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void tokenResponseDelayFromTheBuilder() {
		try (MockWaveServer slow = MockWaveServer.builder().tokenResponseDelay(Duration.ofMillis(300)).start()) {
			long started = System.nanoTime();
			assertThat(new WaveHttp(slow).tokenMultipart(new WaveHttp(slow).clientCredentialsForm()).statusCode())
				.isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		}
	}

	@Test
	void survivesTheDisposalOfReactorNettysGlobalResources() {
		// what a closing Spring application context does with Boot's
		// ReactorResourceFactory
		HttpResources.disposeLoopsAndConnectionsLater(Duration.ZERO, Duration.ofSeconds(2)).block(BLOCK);
		assertThat(http.get("/iam/v1/whoami", http.accessToken()).statusCode()).isEqualTo(200);
	}

}
