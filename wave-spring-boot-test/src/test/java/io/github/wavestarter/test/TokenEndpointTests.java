package io.github.wavestarter.test;

import static io.github.wavestarter.test.WaveHttp.form;
import static io.github.wavestarter.test.WaveHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TokenEndpointTests extends EmulatorFixture {

	@Test
	void clientCredentialsGrantAnswersDocumentedJsonWithJwtShapedTokens() {
		HttpResponse<String> response = http.tokenMultipart(http.clientCredentialsForm());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
		JsonNode body = json(response.body());
		assertThat(body.propertyNames()).containsExactly("id_token", "token_type", "expires_in", "access_token",
				"refresh_token");
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isEqualTo(86400);
		assertJwtShaped(body.get("access_token").asString());
		assertJwtShaped(body.get("id_token").asString());
		assertThat(body.get("refresh_token").asString()).isNotBlank();
	}

	@Test
	void tokensAreUniquePerIssue() {
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			tokens.add(http.accessToken());
		}
		assertThat(tokens).hasSize(20);
	}

	@Test
	void passwordGrantWorksForTheTestUser() {
		HttpResponse<String> response = http.tokenMultipart(http.passwordForm());

		assertThat(response.statusCode()).isEqualTo(200);
		String token = json(response.body()).get("access_token").asString();
		JsonNode payload = json(
				new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
		assertThat(payload.get("sub").asString()).isEqualTo(server.username());
		assertThat(json(http.get("/iam/v1/whoami", token).body()).get("id").asString()).isEqualTo(server.username());
	}

	@Test
	void rejectsUrlEncodedRequestsInStrictMode() {
		HttpResponse<String> response = http.tokenUrlEncoded(http.clientCredentialsForm());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response.body()).get("error").asString()).isEqualTo("invalid_request");
		assertThat(json(response.body()).get("error_description").asString()).contains("multipart/form-data");
	}

	@Test
	void acceptsUrlEncodedRequestsInLenientMode() {
		server.tokens().lenientFormEncoding(true);

		HttpResponse<String> response = http.tokenUrlEncoded(http.clientCredentialsForm());

		assertThat(response.statusCode()).isEqualTo(200);
		assertJwtShaped(json(response.body()).get("access_token").asString());
	}

	@Test
	void rejectsJsonAndMissingContentType() {
		HttpResponse<String> jsonBody = WaveHttp.send(HttpRequest.newBuilder(URI.create(server.tokenUri()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"))
			.build());
		HttpResponse<String> multipartWithoutBoundary = WaveHttp
			.send(HttpRequest.newBuilder(URI.create(server.tokenUri()))
				.header("Content-Type", "multipart/form-data")
				.POST(HttpRequest.BodyPublishers.ofString("x"))
				.build());

		assertThat(jsonBody.statusCode()).isEqualTo(400);
		assertThat(json(jsonBody.body()).get("error").asString()).isEqualTo("invalid_request");
		assertThat(multipartWithoutBoundary.statusCode()).isEqualTo(400);
	}

	@Test
	void rejectsBadClientSecretWithInvalidClient() {
		Map<String, String> fields = http.clientCredentialsForm();
		fields.put("client_secret", "wrong");

		HttpResponse<String> response = http.tokenMultipart(fields);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response.body()).get("error").asString()).isEqualTo("invalid_client");
		assertThat(response.body()).doesNotContain("wrong").doesNotContain(server.clientSecret());
	}

	@Test
	void rejectsUnknownClientIdWithInvalidClient() {
		Map<String, String> fields = http.clientCredentialsForm();
		fields.put("client_id", "someone-else");

		assertThat(http.tokenMultipart(fields).statusCode()).isEqualTo(401);
	}

	@Test
	void rejectsBadUserPasswordWithInvalidGrant() {
		Map<String, String> fields = http.passwordForm();
		fields.put("password", "not-the-password");

		HttpResponse<String> response = http.tokenMultipart(fields);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response.body()).get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void rejectsScopeOtherThanOpenid() {
		Map<String, String> fields = http.clientCredentialsForm();
		fields.put("scope", "admin");

		HttpResponse<String> response = http.tokenMultipart(fields);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response.body()).get("error").asString()).isEqualTo("invalid_scope");
	}

	@Test
	void scopeIsOptional() {
		Map<String, String> fields = http.clientCredentialsForm();
		fields.remove("scope");

		assertThat(http.tokenMultipart(fields).statusCode()).isEqualTo(200);
	}

	@Test
	void rejectsUnsupportedAndMissingGrantTypes() {
		Map<String, String> fields = http.clientCredentialsForm();
		fields.put("grant_type", "authorization_code");
		HttpResponse<String> unsupported = http.tokenMultipart(fields);
		fields.remove("grant_type");
		HttpResponse<String> missing = http.tokenMultipart(fields);

		assertThat(unsupported.statusCode()).isEqualTo(400);
		assertThat(json(unsupported.body()).get("error").asString()).isEqualTo("unsupported_grant_type");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(json(missing.body()).get("error").asString()).isEqualTo("invalid_request");
	}

	@Test
	void rejectsRepeatedParameters() {
		String boundary = "b0undary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\n"
				+ "client_credentials\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"grant_type\""
				+ "\r\n\r\npassword\r\n--" + boundary + "--\r\n";
		HttpResponse<String> response = WaveHttp.send(HttpRequest.newBuilder(URI.create(server.tokenUri()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response.body()).get("error").asString()).isEqualTo("invalid_request");
	}

	@Test
	void refreshTokenGrantIssuesNewTokensForValidRefreshTokensOnly() {
		String refreshToken = json(http.tokenMultipart(http.passwordForm()).body()).get("refresh_token").asString();
		Map<String, String> refresh = form("grant_type", "refresh_token", "client_id", server.clientId(),
				"client_secret", server.clientSecret(), "refresh_token", refreshToken);

		HttpResponse<String> ok = http.tokenMultipart(refresh);
		refresh.put("refresh_token", "forged");
		HttpResponse<String> forged = http.tokenMultipart(refresh);
		server.tokens().refreshTokenGrant(false);
		refresh.put("refresh_token", refreshToken);
		HttpResponse<String> disabled = http.tokenMultipart(refresh);

		assertThat(ok.statusCode()).isEqualTo(200);
		String renewed = json(ok.body()).get("access_token").asString();
		assertThat(http.get("/iam/v1/whoami", renewed).statusCode()).isEqualTo(200);
		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(json(forged.body()).get("error").asString()).isEqualTo("invalid_grant");
		assertThat(disabled.statusCode()).isEqualTo(400);
		assertThat(json(disabled.body()).get("error").asString()).isEqualTo("unsupported_grant_type");
	}

	@Test
	void rejectsGetOnTokenEndpoint() {
		HttpResponse<String> response = WaveHttp
			.send(HttpRequest.newBuilder(URI.create(server.tokenUri())).GET().build());

		assertThat(response.statusCode()).isEqualTo(405);
	}

	static void assertJwtShaped(String token) {
		String[] segments = token.split("\\.");
		assertThat(segments).hasSize(3);
		for (String segment : segments) {
			assertThat(segment).matches("[A-Za-z0-9_-]+");
			Base64.getUrlDecoder().decode(segment);
		}
		JsonNode header = json(new String(Base64.getUrlDecoder().decode(segments[0]), StandardCharsets.UTF_8));
		assertThat(header.get("typ").asString()).isEqualTo("JWT");
	}

}
