package io.github.wavestarter.blue;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.invoker.AbstractReactorHttpExchangeAdapter;
import org.springframework.web.service.invoker.HttpRequestValues;

/**
 * A {@link WebClientAdapter} variant for Blue API HTTP service interfaces: methods
 * returning {@code Flux<T>} are treated as Blue server streams and decoded with
 * {@link BlueStreams} (unwrapping {@code result}, mapping {@code error} lines, line-size
 * limit, backpressure, cancellation); a non-2xx answer to any method is a
 * {@link BlueApiException}, mapped on each request (the client itself is not changed, so
 * {@code waveWebClient}'s own mapping is not registered a second time).
 */
final class BlueExchangeAdapter extends AbstractReactorHttpExchangeAdapter {

	private final WebClientAdapter delegate;

	private final BlueStreams streams;

	BlueExchangeAdapter(WebClient webClient, BlueStreams streams) {
		this.delegate = WebClientAdapter.create(webClient);
		this.streams = streams;
	}

	private WebClient.ResponseSpec retrieve(HttpRequestValues values) {
		JsonMapper jsonMapper = this.streams.getJsonMapper();
		return this.delegate.newRequest(values)
			.retrieve()
			.onStatus(HttpStatusCode::isError, (response) -> BlueApiErrors.fromResponse(response, jsonMapper));
	}

	@Override
	public boolean supportsRequestAttributes() {
		return this.delegate.supportsRequestAttributes();
	}

	@Override
	public Mono<Void> exchangeForMono(HttpRequestValues values) {
		return retrieve(values).toBodilessEntity().then();
	}

	@Override
	public Mono<HttpHeaders> exchangeForHeadersMono(HttpRequestValues values) {
		return retrieve(values).toBodilessEntity().map(ResponseEntity::getHeaders);
	}

	@Override
	public <T> Mono<T> exchangeForBodyMono(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
		return retrieve(values).bodyToMono(bodyType);
	}

	@Override
	public <T> Flux<T> exchangeForBodyFlux(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
		return this.delegate.newRequest(values).exchangeToFlux(this.streams.resultsOf(bodyType));
	}

	@Override
	public Mono<ResponseEntity<Void>> exchangeForBodilessEntityMono(HttpRequestValues values) {
		return retrieve(values).toBodilessEntity();
	}

	@Override
	public <T> Mono<ResponseEntity<T>> exchangeForEntityMono(HttpRequestValues values,
			ParameterizedTypeReference<T> bodyType) {
		return retrieve(values).toEntity(bodyType);
	}

	@Override
	public <T> Mono<ResponseEntity<Flux<T>>> exchangeForEntityFlux(HttpRequestValues values,
			ParameterizedTypeReference<T> bodyType) {
		return retrieve(values).toEntityFlux(DataBuffer.class)
			.map((entity) -> ResponseEntity.status(entity.getStatusCode())
				.headers(entity.getHeaders())
				.body(this.streams.decode(entity.getBody(), bodyType)));
	}

}
