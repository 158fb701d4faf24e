package io.github.wavestarter.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wavestarter.test.MockWaveServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code @SpringBootTest}, relaxed binding of
 * {@code @ConfigurationProperties("wave")} sees the emulator.
 */
@SpringBootTest(classes = EnableMockWaveSpringBootTests.App.class)
@EnableMockWave
class EnableMockWaveSpringBootTests {

	@ConfigurationProperties("wave")
	record WaveProperties(String tokenUri, String baseUrl, String clientId, String clientSecret, String username,
			String password) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(WaveProperties.class)
	static class App {

	}

	@Autowired
	MockWaveServer server;

	@Autowired
	WaveProperties properties;

	@Test
	void configurationPropertiesBindToTheEmulator() {
		assertThat(properties.tokenUri()).isEqualTo(server.tokenUri());
		assertThat(properties.baseUrl()).isEqualTo(server.baseUrl());
		assertThat(properties.clientId()).isEqualTo(MockWaveServer.DEFAULT_CLIENT_ID);
		assertThat(properties.clientSecret()).isEqualTo(MockWaveServer.DEFAULT_CLIENT_SECRET);
		assertThat(properties.username()).isEqualTo(server.username());
		assertThat(properties.password()).isEqualTo(server.password());
		assertThat(server.isClosed()).isFalse();
	}

}
