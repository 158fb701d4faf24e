package io.github.wavestarter.test;

import static io.github.wavestarter.test.WaveHttp.form;
import static io.github.wavestarter.test.WaveHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.wavestarter.test.journal.IssuedTokenSet;
import io.github.wavestarter.test.journal.RecordedApiRequest;
import io.github.wavestarter.test.journal.RecordedTokenRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An emulator with extra API clients (an MSP's customers): each obtains tokens with its
 * own credentials, its tokens are bound to it, and the journal and {@code whoami} tell
 * the clients apart.
 */
class MultiClientTests {

	private static final MockApiClient ACME = MockApiClient.named("acme", "acme-id", "acme-secret");

	private static final MockApiClient GLOBEX = MockApiClient.named("globex", "globex-id", "globex-secret")
		.withUser("ops@globex.example", "globex-password");

	private MockWaveServer server;

	private WaveHttp http;

	@BeforeEach
	void start() {
		server = MockWaveServer.builder().client(ACME).client(GLOBEX).start();
		http = new WaveHttp(server);
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void twoClientsObtainTokensEachAttributedToItsClientInTheJournal() {
		String acme = accessToken(ACME);
		String globex = accessToken(GLOBEX);
		String defaultToken = http.accessToken();

		assertThat(http.get("/org/v1", acme).statusCode()).isEqualTo(200);
		assertThat(http.get("/cost/v1/aws/accounts", globex).statusCode()).isEqualTo(200);
		assertThat(http.get("/iam/v1/whoami", acme).statusCode()).isEqualTo(200);
		assertThat(http.get("/org/v1", defaultToken).statusCode()).isEqualTo(200);
		assertThat(http.get("/org/v1", null).statusCode()).isEqualTo(401);
		assertThat(http.get("/org/v1", "not-a-token").statusCode()).isEqualTo(401);

		assertThat(server.clients()).containsExactly(ACME, GLOBEX);
		assertThat(server.journal().tokenRequestCount()).isEqualTo(3);
		assertThat(server.journal().tokenRequestCount("acme-id")).isEqualTo(1);
		assertThat(server.journal().tokenRequestCount("globex-id")).isEqualTo(1);
		assertThat(server.journal().tokenRequestCount(server.clientId())).isEqualTo(1);
		assertThat(server.journal().tokenRequests("acme-id")).extracting(RecordedTokenRequest::clientId)
			.containsExactly("acme-id");
		assertThat(server.journal().apiRequests("acme-id")).extracting(RecordedApiRequest::path)
			.containsExactly("/org/v1", "/iam/v1/whoami");
		assertThat(server.journal().apiRequests("acme-id")).allMatch(r -> r.hasBearerToken(acme));
		assertThat(server.journal().apiRequests("globex-id")).extracting(RecordedApiRequest::path)
			.containsExactly("/cost/v1/aws/accounts");
		assertThat(server.journal().apiRequestCount(server.clientId())).isEqualTo(1);
		assertThat(server.journal().apiRequestCount("acme-id")).isEqualTo(2);
		assertThat(server.journal().apiRequests()).extracting(RecordedApiRequest::clientId)
			.containsExactly("acme-id", "globex-id", "acme-id", server.clientId(), null, null);
		assertThat(server.journal().apiRequests().get(0).toString()).contains("clientId=acme-id").doesNotContain(acme);
		assertThat(server.tokens().issued()).extracting(IssuedTokenSet::clientId)
			.containsExactly("acme-id", "globex-id", server.clientId());
	}

	@Test
	void aWrongSecretOfAnExtraClientIsRejectedExactlyAsAWrongSecretOfTheDefaultClient() {
		HttpResponse<String> wrongExtra = http.tokenMultipart(form("grant_type", "client_credentials", "client_id",
				"acme-id", "client_secret", "globex-secret", "scope", "openid"));
		HttpResponse<String> wrongDefault = http.tokenMultipart(form("grant_type", "client_credentials", "client_id",
				server.clientId(), "client_secret", "acme-secret", "scope", "openid"));
		HttpResponse<String> unknown = http.tokenMultipart(form("grant_type", "client_credentials", "client_id",
				"initech-id", "client_secret", "acme-secret", "scope", "openid"));

		assertThat(wrongExtra.statusCode()).isEqualTo(401);
		assertThat(json(wrongExtra.body()).path("error").asString()).isEqualTo("invalid_client");
		assertThat(wrongExtra.body()).isEqualTo(wrongDefault.body()).isEqualTo(unknown.body());
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(server.tokens().issued()).isEmpty();
		assertThat(server.journal().tokenRequestCount("acme-id")).isEqualTo(1);
		assertThat(server.journal().tokenRequestCount("initech-id")).isEqualTo(1);
	}

	@Test
	void eachClientHasItsOwnUserForThePasswordGrant() {
		HttpResponse<String> globex = http
			.tokenMultipart(passwordForm(GLOBEX, "ops@globex.example", "globex-password"));
		HttpResponse<String> defaultUserThroughGlobex = http
			.tokenMultipart(passwordForm(GLOBEX, server.username(), server.password()));
		HttpResponse<String> acmeHasNoUser = http
			.tokenMultipart(passwordForm(ACME, "ops@globex.example", "globex-password"));
		HttpResponse<String> globexUserThroughDefault = http
			.tokenMultipart(form("grant_type", "password", "client_id", server.clientId(), "client_secret",
					server.clientSecret(), "username", "ops@globex.example", "password", "globex-password"));

		assertThat(globex.statusCode()).isEqualTo(200);
		JsonNode whoami = json(http.get("/iam/v1/whoami", json(globex.body()).path("access_token").asString()).body());
		assertThat(whoami.path("id").asString()).isEqualTo("ops@globex.example");
		assertThat(whoami.path("metadata").path("clientId").asString()).isEqualTo("globex-id");
		assertThat(whoami.path("metadata").path("grantType").asString()).isEqualTo("password");
		for (HttpResponse<String> rejected : new HttpResponse[] { defaultUserThroughGlobex, acmeHasNoUser,
				globexUserThroughDefault }) {
			assertThat(rejected.statusCode()).isEqualTo(400);
			assertThat(json(rejected.body()).path("error").asString()).isEqualTo("invalid_grant");
		}
	}

	@Test
	void aRefreshTokenServesOnlyTheClientItWasIssuedTo() {
		String refresh = json(http.tokenMultipart(clientCredentialsForm(ACME)).body()).path("refresh_token").asString();

		HttpResponse<String> byGlobex = http.tokenMultipart(form("grant_type", "refresh_token", "client_id",
				"globex-id", "client_secret", "globex-secret", "refresh_token", refresh));
		HttpResponse<String> byAcme = http.tokenMultipart(form("grant_type", "refresh_token", "client_id", "acme-id",
				"client_secret", "acme-secret", "refresh_token", refresh));

		assertThat(byGlobex.statusCode()).isEqualTo(400);
		assertThat(json(byGlobex.body()).path("error").asString()).isEqualTo("invalid_grant");
		assertThat(byAcme.statusCode()).isEqualTo(200);
		String renewed = json(byAcme.body()).path("access_token").asString();
		assertThat(json(http.get("/iam/v1/whoami", renewed).body()).path("metadata").path("clientId").asString())
			.isEqualTo("acme-id");
	}

	@Test
	void whoamiAnswersForTheClientWhoseTokenTheCallCarried() {
		JsonNode acme = json(http.get("/iam/v1/whoami", accessToken(ACME)).body());
		JsonNode globex = json(http.get("/iam/v1/whoami", accessToken(GLOBEX)).body());
		JsonNode byDefault = json(http.get("/iam/v1/whoami", http.accessToken()).body());

		assertThat(acme.path("id").asString()).isEqualTo("acme-id");
		assertThat(acme.path("metadata").path("clientId").asString()).isEqualTo("acme-id");
		assertThat(acme.path("metadata").path("grantType").asString()).isEqualTo("client_credentials");
		assertThat(globex.path("metadata").path("clientId").asString()).isEqualTo("globex-id");
		assertThat(byDefault.path("metadata").path("clientId").asString()).isEqualTo(server.clientId());
		assertThat(byDefault.path("id").asString()).isEqualTo(server.clientId());
	}

	@Test
	void tokensIssuesATokenForAGivenClient() {
		String acme = server.tokens().issueAccessToken("acme-id");
		String byDefault = server.tokens().issueAccessToken();

		assertThat(json(http.get("/iam/v1/whoami", acme).body()).path("metadata").path("clientId").asString())
			.isEqualTo("acme-id");
		assertThat(server.journal().apiRequests("acme-id")).hasSize(1).allMatch(RecordedApiRequest::validToken);
		assertThat(server.journal().tokenRequestCount()).isZero();
		assertThat(server.tokens().issued()).extracting(IssuedTokenSet::clientId)
			.containsExactly("acme-id", server.clientId());
		assertThat(http.get("/org/v1", byDefault).statusCode()).isEqualTo(200);
		assertThatIllegalArgumentException().isThrownBy(() -> server.tokens().issueAccessToken("initech-id"))
			.withMessageContaining("initech-id")
			.withMessageContaining("acme-id")
			.withMessageNotContaining("acme-secret");
	}

	@Test
	void revokedAndExpiredTokensAreStillAttributedToTheirClient() {
		MutableClock clock = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));
		try (MockWaveServer expiring = MockWaveServer.builder()
			.clock(clock)
			.tokenExpiresIn(Duration.ofSeconds(60))
			.client(ACME)
			.start()) {
			WaveHttp expiringHttp = new WaveHttp(expiring);
			String expired = expiring.tokens().issueAccessToken("acme-id");
			clock.advance(Duration.ofSeconds(61));
			String revoked = expiring.tokens().issueAccessToken("acme-id");
			expiring.tokens().revokeAll();

			assertThat(expiringHttp.get("/org/v1", expired).statusCode()).isEqualTo(401);
			assertThat(expiringHttp.get("/org/v1", revoked).statusCode()).isEqualTo(401);

			assertThat(expiring.journal().apiRequests("acme-id")).hasSize(2).noneMatch(RecordedApiRequest::validToken);
		}
	}

	@Test
	void resetKeepsTheClientsAndTheirTokensButClearsTheirJournal() {
		String acme = accessToken(ACME);
		http.get("/org/v1", acme);

		server.reset();

		assertThat(server.journal().tokenRequestCount("acme-id")).isZero();
		assertThat(server.journal().apiRequests("acme-id")).isEmpty();
		assertThat(server.clients()).containsExactly(ACME, GLOBEX);
		assertThat(http.get("/org/v1", acme).statusCode()).isEqualTo(200);
		assertThat(accessToken(ACME)).isNotEqualTo(acme);
		assertThat(server.journal().apiRequests("acme-id")).hasSize(1);
		assertThat(server.journal().tokenRequestCount("acme-id")).isEqualTo(1);
	}

	@Test
	void extraClientsOfARippleEmulatorAreKnownToTheRippleEndpointOnly() {
		try (MockWaveServer ripple = MockWaveServer.builder().ripple(true).client(ACME).start()) {
			WaveHttp rippleHttp = new WaveHttp(ripple);
			WaveHttp.Multipart body = WaveHttp.Multipart.of(clientCredentialsForm(ACME));

			HttpResponse<String> atRipple = rippleHttp.tokenMultipart(clientCredentialsForm(ACME));
			HttpResponse<String> atWave = WaveHttp
				.send(HttpRequest.newBuilder(URI.create(ripple.rootUrl() + "/access_token"))
					.header("Content-Type", body.contentType())
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.body()))
					.build());

			assertThat(atRipple.statusCode()).isEqualTo(200);
			assertThat(atWave.statusCode()).isEqualTo(401);
			assertThat(json(atWave.body()).path("error").asString()).isEqualTo("invalid_client");
		}
	}

	@Test
	void duplicateClientIdsAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MockWaveServer.builder().client("acme-id", "s1").client("acme-id", "s2"))
			.withMessageContaining("Duplicate client id 'acme-id'")
			.withMessageNotContaining("s2");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MockWaveServer.builder().client(MockWaveServer.DEFAULT_CLIENT_ID, "other-secret"))
			.withMessageContaining("Duplicate client id '" + MockWaveServer.DEFAULT_CLIENT_ID + "'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MockWaveServer.builder().client("acme-id", "s1").clientId("acme-id"))
			.withMessageContaining("Duplicate client id 'acme-id'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MockWaveServer.builder()
				.client(MockApiClient.named("acme", "acme-1", "s1"))
				.client(MockApiClient.named("acme", "acme-2", "s2")))
			.withMessageContaining("Duplicate client name 'acme'");
		// unnamed clients do not clash by name
		try (MockWaveServer two = MockWaveServer.builder().client("a-id", "a").client("b-id", "b").start()) {
			assertThat(two.clients()).extracting(MockApiClient::clientId).containsExactly("a-id", "b-id");
			assertThat(two.springProperties()).hasSize(4);
		}
	}

	@Test
	void invalidClientsAreRejectedWithoutShowingTheirSecret() {
		for (String bad : new String[] { "", "acme corp", "acme.corp", "acme_corp", "ä", "acme/x" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> MockApiClient.named(bad, "id", "top-secret"))
				.withMessageContaining("letters, digits and '-' only")
				.withMessageNotContaining("top-secret");
		}
		assertThat(MockApiClient.named("Acme-2", "id", "s").name()).isEqualTo("Acme-2");
		assertThatIllegalArgumentException().isThrownBy(() -> MockApiClient.of("", "s"))
			.withMessageContaining("client id");
		assertThatIllegalArgumentException().isThrownBy(() -> MockApiClient.of("id", ""))
			.withMessageContaining("client secret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MockApiClient("n", "id", "s", "user@example.com", null))
			.withMessageContaining("both a username and a password");
		assertThat(GLOBEX.toString()).contains("globex", "globex-id", "ops@globex.example")
			.doesNotContain("globex-secret")
			.doesNotContain("globex-password");
	}

	private HttpResponse<String> tokenFor(MockApiClient client) {
		return http.tokenMultipart(clientCredentialsForm(client));
	}

	private String accessToken(MockApiClient client) {
		HttpResponse<String> response = tokenFor(client);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response.body()).path("access_token").asString();
	}

	static Map<String, String> clientCredentialsForm(MockApiClient client) {
		return form("grant_type", "client_credentials", "client_id", client.clientId(), "client_secret",
				client.clientSecret(), "scope", "openid");
	}

	private static Map<String, String> passwordForm(MockApiClient client, String username, String password) {
		return form("grant_type", "password", "client_id", client.clientId(), "client_secret", client.clientSecret(),
				"scope", "openid", "username", username, "password", password);
	}

}
