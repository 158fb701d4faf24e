package io.github.wavestarter.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wavestarter.test.MockApiClient;
import io.github.wavestarter.test.MockWaveClient;
import io.github.wavestarter.test.MockWaveServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @EnableMockWave(clients = ...)} in a real Spring Boot test: the named clients
 * bind as {@code wave.clients.<name>.*} with relaxed binding, and the token each client
 * obtains with its bound credentials is attributed to it by the journal and by
 * {@code whoami}.
 */
@SpringBootTest(classes = EnableMockWaveClientsSpringBootTests.App.class)
@EnableMockWave(clients = { @MockWaveClient(name = "acme", clientId = "acme-id", clientSecret = "acme-secret"),
		@MockWaveClient(name = "globex", clientId = "globex-id", clientSecret = "globex-secret",
				username = "ops@globex.example", password = "globex-password") })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnableMockWaveClientsSpringBootTests {

	/** Stands in for the starter's properties with named clients. */
	@ConfigurationProperties("wave")
	record WaveProperties(String tokenUri, String baseUrl, String clientId, String clientSecret,
			Map<String, Named> clients) {

		record Named(String clientId, String clientSecret, @Nullable String username, @Nullable String password) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(WaveProperties.class)
	static class App {

	}

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Autowired
	MockWaveServer server;

	@Autowired
	WaveProperties properties;

	@Test
	@Order(1)
	void namedClientsBindAndTheirTokensAreAttributedToThem() throws Exception {
		assertThat(server.clients()).extracting(MockApiClient::name).containsExactly("acme", "globex");
		assertThat(properties.clientId()).isEqualTo(MockWaveServer.DEFAULT_CLIENT_ID);
		assertThat(properties.clients()).containsOnlyKeys("acme", "globex");
		WaveProperties.Named acme = properties.clients().get("acme");
		WaveProperties.Named globex = properties.clients().get("globex");
		assertThat(acme.clientId()).isEqualTo("acme-id");
		assertThat(acme.clientSecret()).isEqualTo("acme-secret");
		assertThat(acme.username()).isNull();
		assertThat(globex.username()).isEqualTo("ops@globex.example");
		assertThat(globex.password()).isEqualTo("globex-password");

		String acmeToken = token(acme.clientId(), acme.clientSecret());
		String globexToken = token(globex.clientId(), globex.clientSecret());
		String defaultToken = token(properties.clientId(), properties.clientSecret());

		assertThat(whoami(acmeToken)).contains("\"clientId\":\"acme-id\"");
		assertThat(whoami(globexToken)).contains("\"clientId\":\"globex-id\"");
		assertThat(whoami(defaultToken)).contains("\"clientId\":\"" + MockWaveServer.DEFAULT_CLIENT_ID + "\"");
		assertThat(server.journal().tokenRequestCount("acme-id")).isEqualTo(1);
		assertThat(server.journal().tokenRequestCount("globex-id")).isEqualTo(1);
		assertThat(server.journal().apiRequests("acme-id")).hasSize(1).allMatch(r -> r.hasBearerToken(acmeToken));
		assertThat(server.journal().apiRequests("globex-id")).hasSize(1).allMatch(r -> r.hasBearerToken(globexToken));
		assertThat(server.journal().apiRequestCount(MockWaveServer.DEFAULT_CLIENT_ID)).isEqualTo(1);
	}

	@Test
	@Order(2)
	void theResetAfterEachTestKeepsTheClientsAndClearsTheirJournal() throws Exception {
		assertThat(server.journal().tokenRequestCount("acme-id")).isZero();
		assertThat(server.journal().apiRequests("acme-id")).isEmpty();
		assertThat(server.clients()).hasSize(2);
		assertThat(whoami(token("acme-id", "acme-secret"))).contains("\"clientId\":\"acme-id\"");
	}

	private String token(String clientId, String clientSecret) throws Exception {
		String boundary = "clients-test-boundary";
		String body = part(boundary, "grant_type", "client_credentials") + part(boundary, "client_id", clientId)
				+ part(boundary, "client_secret", clientSecret) + part(boundary, "scope", "openid") + "--" + boundary
				+ "--\r\n";
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(properties.tokenUri()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		Matcher token = ACCESS_TOKEN.matcher(response.body());
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private String whoami(String token) throws Exception {
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/iam/v1/whoami"))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofSeconds(10))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static String part(String boundary, String name, String value) {
		return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
	}

}
