package io.github.wavestarter.testsupport;

import io.github.wavestarter.autoconfigure.WaveAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

/**
 * The auto-configurations a Boot application with the starter has.
 */
public final class WaveContexts {

	private WaveContexts() {
	}

	public static AutoConfigurations autoConfigurations() {
		return AutoConfigurations.of(JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				WaveAutoConfiguration.class);
	}

}
