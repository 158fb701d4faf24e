package io.github.wavestarter.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wavestarter.test.MockWaveServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * A plain Spring test with one annotation sees properties pointing at a live emulator.
 */
@SpringJUnitConfig(EnableMockWaveSpringTests.Config.class)
@EnableMockWave(clientId = "spring-client", clientSecret = "spring-secret")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnableMockWaveSpringTests {

	/** Stands in for an application bean configured from the wave.* properties. */
	record WaveCoordinates(String tokenUri, String baseUrl, String clientId, String clientSecret) {
	}

	@Configuration
	static class Config {

		@Bean
		WaveCoordinates waveCoordinates(@Value("${wave.token-uri}") String tokenUri,
				@Value("${wave.base-url}") String baseUrl, @Value("${wave.client-id}") String clientId,
				@Value("${wave.client-secret}") String clientSecret) {
			return new WaveCoordinates(tokenUri, baseUrl, clientId, clientSecret);
		}

	}

	@Autowired
	MockWaveServer server;

	@Autowired
	WaveCoordinates coordinates;

	@Autowired
	Environment environment;

	@Test
	@Order(1)
	void propertiesPointAtTheLiveServer() throws Exception {
		assertThat(coordinates.tokenUri()).isEqualTo(server.tokenUri());
		assertThat(coordinates.baseUrl()).isEqualTo(server.baseUrl());
		assertThat(coordinates.clientId()).isEqualTo("spring-client");
		assertThat(coordinates.clientSecret()).isEqualTo("spring-secret");
		assertThat(environment.getProperty("wave.username")).isEqualTo(server.username());
		assertThat(environment.getProperty("wave.password")).isEqualTo(server.password());

		String boundary = "spring-test-boundary";
		String body = part(boundary, "grant_type", "client_credentials")
				+ part(boundary, "client_id", coordinates.clientId())
				+ part(boundary, "client_secret", coordinates.clientSecret()) + part(boundary, "scope", "openid") + "--"
				+ boundary + "--\r\n";
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpResponse<String> token = client.send(HttpRequest.newBuilder(URI.create(coordinates.tokenUri()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(server.journal().tokenRequestCount()).isEqualTo(1);
	}

	@Test
	@Order(2)
	void serverIsResetAfterEachTest() {
		assertThat(server.journal().tokenRequestCount()).isZero();
		assertThat(server.isClosed()).isFalse();
	}

	private static String part(String boundary, String name, String value) {
		return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
	}

}
