package io.github.wavestarter.bench.token;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/** One way of calling the loopback API with a bearer token. */
interface BenchClient extends AutoCloseable {

	/** Client id it sends to the token endpoint (token requests are counted by it). */
	String clientId();

	/**
	 * One API call ({@code GET <base>/accounts}), reading the body.
	 * @return the HTTP status, or -1 when the call failed with an exception
	 */
	Mono<Integer> call();

	@Override
	default void close() {
	}

	static Mono<Integer> get(WebClient client) {
		return client.get()
			.uri("/accounts")
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((body) -> response.statusCode().value()))
			.onErrorResume((failure) -> Mono.just(-1));
	}

}
