package io.github.wavestarter.consumer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.wavestarter.autoconfigure.WaveAutoConfiguration;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.spring.EnableMockWave;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.SpringVersion;
import org.springframework.security.core.SpringSecurityCoreVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot 4.1 application with the starter that was built on Spring Boot 4.0: its
 * own endpoints call the Blue API through the typed clients, the {@code wave} health
 * contributor reports the token, and one token serves every call.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnableMockWave(resetAfterEach = false)
class ConsumerApplicationTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MockWaveServer wave;

	@Test
	void runsOnSpringBoot41WithTheStarterBuiltOn40() {
		// the versions Boot 4.1.2 manages, not those the starter was built with (4.0.7:
		// Framework 7.0.8, Security 7.0.6)
		assertThat(SpringBootVersion.getVersion()).isEqualTo("4.1.2");
		assertThat(SpringVersion.getVersion()).isEqualTo("7.0.10");
		assertThat(SpringSecurityCoreVersion.getVersion()).isEqualTo("7.1.2");
		assertThat(WaveAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation().getPath())
			.as("the auto-configuration built in this reactor")
			.contains("wave-spring-boot-autoconfigure");
	}

	@Test
	void endpointsCallTheBlueApiAndShareOneToken() throws Exception {
		assertThat(get("/whoami").body()).isEqualTo(this.wave.clientId());
		JsonNode total = json.readTree(get("/aws-total?from=20261101&to=20261103").body());
		assertThat(total.get("rows").asLong()).isPositive();
		assertThat(total.get("total").decimalValue()).isPositive();
		assertThat(get("/whoami").body()).isEqualTo(this.wave.clientId());
		assertThat(this.wave.journal().tokenRequestCount()).isEqualTo(1);
		assertThat(this.wave.journal().lastTokenRequest().isMultipart()).isTrue();
	}

	@Test
	void healthShowsTheWaveContributor() throws Exception {
		get("/whoami");
		HttpResponse<String> response = get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode wave = json.readTree(response.body()).get("components").get("wave");
		assertThat(wave.get("status").asString()).isEqualTo("UP");
		assertThat(wave.get("details").get("registrationId").asString()).isEqualTo("wave");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
