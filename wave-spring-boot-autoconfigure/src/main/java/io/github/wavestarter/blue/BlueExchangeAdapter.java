package io.github.wavestarter.blue;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.invoker.AbstractReactorHttpExchangeAdapter;
import org.springframework.web.service.invoker.HttpRequestValues;

/**
 * A {@link WebClientAdapter} variant for Blue API HTTP service interfaces: methods
 * returning {@code Flux<T>} are treated as Blue server streams and decoded with
 * {@link BlueStreams} (unwrapping {@code result}, mapping {@code error} lines, line-size
 * limit, backpressure, cancellation); all other return types are delegated unchanged.
 * Non-2xx responses become {@link BlueApiException} (the client is mutated with
 * {@link BlueApiErrors#register}).
 */
public final class BlueExchangeAdapter extends AbstractReactorHttpExchangeAdapter {

	private final WebClientAdapter delegate;

	private final BlueStreams streams;

	private BlueExchangeAdapter(WebClient webClient, BlueStreams streams) {
		WebClient.Builder builder = webClient.mutate();
		BlueApiErrors.register(builder, streams.getJsonMapper());
		this.delegate = WebClientAdapter.create(builder.build());
		this.streams = streams;
	}

	/**
	 * Create an adapter.
	 * @param webClient the client, typically {@code waveWebClient}
	 * @param streams the stream decoder
	 * @return the adapter
	 */
	public static BlueExchangeAdapter create(WebClient webClient, BlueStreams streams) {
		return new BlueExchangeAdapter(webClient, streams);
	}

	@Override
	public boolean supportsRequestAttributes() {
		return this.delegate.supportsRequestAttributes();
	}

	@Override
	public Mono<Void> exchangeForMono(HttpRequestValues values) {
		return this.delegate.exchangeForMono(values);
	}

	@Override
	public Mono<HttpHeaders> exchangeForHeadersMono(HttpRequestValues values) {
		return this.delegate.exchangeForHeadersMono(values);
	}

	@Override
	public <T> Mono<T> exchangeForBodyMono(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
		return this.delegate.exchangeForBodyMono(values, bodyType);
	}

	@Override
	public <T> Flux<T> exchangeForBodyFlux(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
		return this.delegate.newRequest(values).exchangeToFlux(this.streams.resultsOf(bodyType));
	}

	@Override
	public Mono<ResponseEntity<Void>> exchangeForBodilessEntityMono(HttpRequestValues values) {
		return this.delegate.exchangeForBodilessEntityMono(values);
	}

	@Override
	public <T> Mono<ResponseEntity<T>> exchangeForEntityMono(HttpRequestValues values,
			ParameterizedTypeReference<T> bodyType) {
		return this.delegate.exchangeForEntityMono(values, bodyType);
	}

	@Override
	public <T> Mono<ResponseEntity<Flux<T>>> exchangeForEntityFlux(HttpRequestValues values,
			ParameterizedTypeReference<T> bodyType) {
		return this.delegate.exchangeForEntityFlux(values,
				new ParameterizedTypeReference<org.springframework.core.io.buffer.DataBuffer>() {
				})
			.map((entity) -> ResponseEntity.status(entity.getStatusCode())
				.headers(entity.getHeaders())
				.body(this.streams.decode(entity.getBody(), bodyType)));
	}

}
