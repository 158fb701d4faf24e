package io.github.wavestarter.starter;

import java.time.Duration;

import io.github.wavestarter.blue.api.ApiUser;
import io.github.wavestarter.blue.api.IamApi;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.spring.EnableMockWave;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux application with the starter: handlers call the Blue API without blocking,
 * and 50 concurrent requests share one token.
 */
@SpringBootTest(classes = ReactiveApplicationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
@EnableMockWave
class ReactiveApplicationTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	MockWaveServer wave;

	@Test
	void handlersCallTheBlueApiAndShareOneToken() {
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);
		var answers = Flux.range(0, 50)
			.flatMap((i) -> client.get().uri("/whoami").retrieve().bodyToMono(String.class), 50)
			.collectList()
			.block(BLOCK);
		assertThat(answers).hasSize(50).containsOnly(this.wave.clientId());
		assertThat(this.wave.journal().tokenRequestCount()).isEqualTo(1);
		assertThat(client.get().uri("/hello").retrieve().bodyToMono(String.class).block(BLOCK)).isEqualTo("hello");
	}

	@SpringBootApplication
	@RestController
	static class App {

		@Autowired
		IamApi iam;

		@GetMapping("/hello")
		Mono<String> hello() {
			return Mono.just("hello");
		}

		@GetMapping("/whoami")
		Mono<String> whoami() {
			return this.iam.whoAmI().map(ApiUser::id);
		}

	}

}
