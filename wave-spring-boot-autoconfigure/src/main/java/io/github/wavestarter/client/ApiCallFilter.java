package io.github.wavestarter.client;

import java.time.Duration;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Paces and retries the Blue API calls of a {@code WebClient}, as {@link WaveApiCalls}
 * says. Waits are timers ({@code Mono.delay}): no thread is blocked. The retry is decided
 * on the answer's status, before its body is read, so a stream is never retried once rows
 * have reached the caller. Each attempt sends the request again, so its body must be
 * re-readable (values and {@code bodyValue(...)} bodies are).
 */
final class ApiCallFilter implements ExchangeFilterFunction {

	private final WaveApiCalls calls;

	ApiCallFilter(WaveApiCalls calls) {
		this.calls = calls;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!this.calls.covers(request.url())) {
			return next.exchange(request);
		}
		boolean safe = WaveApiCalls.isSafe(request.method(), request.url())
				|| Boolean.TRUE.equals(request.attribute(WaveApiCalls.RETRY_WRITES).orElse(null));
		return Mono.deferContextual((context) -> attempt(request, next, 1,
				safe || Boolean.TRUE.equals(context.getOrDefault(WaveApiCalls.RETRY_WRITES, null)), null));
	}

	private Mono<ClientResponse> attempt(ClientRequest request, ExchangeFunction next, int attempt, boolean retryable,
			WaveApiCalls.@Nullable Retry retry) {
		return paced(Mono.defer(() -> next.exchange(request))).materialize()
			.flatMap((signal) -> decide(signal, request, next, attempt, retryable, retry))
			.doOnCancel(() -> WaveApiCalls.Retry.end(retry, WaveApiCalls.Retry.CANCELLED));
	}

	private Mono<ClientResponse> paced(Mono<ClientResponse> exchange) {
		return Mono.defer(() -> {
			long wait = this.calls.reserve();
			if (wait == 0) {
				return exchange;
			}
			Observation observation = this.calls.startWait();
			return Mono.delay(Duration.ofNanos(wait)).doFinally((signal) -> observation.stop()).then(exchange);
		});
	}

	private Mono<ClientResponse> decide(Signal<ClientResponse> signal, ClientRequest request, ExchangeFunction next,
			int attempt, boolean retryable, WaveApiCalls.@Nullable Retry retry) {
		ClientResponse response = signal.get();
		if (response != null) {
			int status = response.statusCode().value();
			Duration retryAfter = WaveApiCalls.retryAfter(response.headers().asHttpHeaders());
			this.calls.answered(status, retryAfter);
			String retried = retryable ? WaveApiCalls.retriedStatus(status) : null;
			Duration delay = (retried != null) ? this.calls.retryDelay(attempt, retryAfter) : null;
			if (retried == null || delay == null) {
				WaveApiCalls.Retry.end(retry,
						(retried != null) ? WaveApiCalls.Retry.EXHAUSTED : WaveApiCalls.Retry.SUCCESS);
				return Mono.just(response);
			}
			return response.releaseBody().then(retry(request, next, attempt, retryable, retry, retried, delay));
		}
		Throwable failure = signal.getThrowable();
		if (failure == null) {
			WaveApiCalls.Retry.end(retry, WaveApiCalls.Retry.SUCCESS);
			return Mono.empty();
		}
		boolean connection = retryable && WaveApiCalls.isConnectionFailure(failure);
		Duration delay = connection ? this.calls.retryDelay(attempt, null) : null;
		if (delay == null) {
			WaveApiCalls.Retry.end(retry, connection ? WaveApiCalls.Retry.EXHAUSTED : WaveApiCalls.Retry.FAILURE);
			return Mono.error(failure);
		}
		return retry(request, next, attempt, retryable, retry, WaveApiCalls.IO, delay);
	}

	private Mono<ClientResponse> retry(ClientRequest request, ExchangeFunction next, int attempt, boolean retryable,
			WaveApiCalls.@Nullable Retry previous, String status, Duration delay) {
		WaveApiCalls.Retry.end(previous, WaveApiCalls.Retry.RETRIED);
		WaveApiCalls.Retry retry = this.calls.startRetry(status);
		return Mono.delay(delay)
			.doOnCancel(() -> WaveApiCalls.Retry.end(retry, WaveApiCalls.Retry.CANCELLED))
			.then(Mono.defer(() -> attempt(request, next, attempt + 1, retryable, retry)));
	}

}
