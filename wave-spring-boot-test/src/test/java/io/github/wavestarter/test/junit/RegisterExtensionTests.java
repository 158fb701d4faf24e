package io.github.wavestarter.test.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wavestarter.test.MockWaveServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegisterExtensionTests {

	@RegisterExtension
	static MockWaveServerExtension wave = new MockWaveServerExtension(
			MockWaveServer.builder().clientId("programmatic").tokenExpiresIn(Duration.ofSeconds(5)));

	@Test
	void programmaticRegistrationUsesTheBuilder(MockWaveServer server) {
		assertThat(server).isSameAs(wave.server());
		assertThat(server.clientId()).isEqualTo("programmatic");
		assertThat(server.tokenUri()).startsWith("http://127.0.0.1:").endsWith("/access_token");
		assertThat(server.baseUrl()).endsWith("/m/blue");
	}

}
