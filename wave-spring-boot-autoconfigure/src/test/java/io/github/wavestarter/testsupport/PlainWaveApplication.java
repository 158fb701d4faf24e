package io.github.wavestarter.testsupport;

import io.github.wavestarter.autoconfigure.WaveAutoConfiguration;
import io.github.wavestarter.autoconfigure.blue.WaveBlueApiAutoConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

/**
 * A Spring Boot application with the starter and nothing else, to run with
 * {@code SpringApplication} (environment post-processors and failure analyzers included).
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
		ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class, WaveAutoConfiguration.class,
		WaveBlueApiAutoConfiguration.class })
public class PlainWaveApplication {

}
