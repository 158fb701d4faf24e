package io.github.wavestarter.client;

import java.time.Duration;

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
		return Mono.deferContextual((context) -> attempt(request, next, 1,
				WaveApiCalls.isRetryable(request.method(), request.url(), request.attribute(WaveApiCalls.RETRY_WRITES)
					.orElse(context.getOrDefault(WaveApiCalls.RETRY_WRITES, null))),
				null));
	}

	/**
	 * One attempt, made when it is subscribed to: the first by {@link #filter}'s
	 * {@code deferContextual}, each retry after its delay.
	 */
	private Mono<ClientResponse> attempt(ClientRequest request, ExchangeFunction next, int attempt, boolean retryable,
			WaveApiCalls.@Nullable Retry retry) {
		Mono<ClientResponse> answer = paced(request, next).materialize()
			.flatMap((signal) -> decide(signal, request, next, attempt, retryable, retry));
		return (retry != null) ? answer.doOnCancel(() -> WaveApiCalls.Retry.end(retry, WaveApiCalls.Retry.CANCELLED))
				: answer;
	}

	private Mono<ClientResponse> paced(ClientRequest request, ExchangeFunction next) {
		long wait = this.calls.reserve();
		if (wait == 0) {
			return next.exchange(request);
		}
		ObservedOnce observation = this.calls.startWait();
		// stopped before the exchange is subscribed (doFinally would stop it only once
		// that subscription returned, possibly after the answer)
		return Mono.delay(Duration.ofNanos(wait))
			.doOnTerminate(observation::stop)
			.doOnCancel(observation::stop)
			.then(Mono.defer(() -> next.exchange(request)));
	}

	private Mono<ClientResponse> decide(Signal<ClientResponse> signal, ClientRequest request, ExchangeFunction next,
			int attempt, boolean retryable, WaveApiCalls.@Nullable Retry retry) {
		ClientResponse response = signal.get();
		Throwable failure = signal.getThrowable();
		if (response != null) {
			WaveApiCalls.Again again = this.calls.afterAnswer(response.statusCode().value(),
					response.headers().asHttpHeaders(), attempt, retryable, retry);
			return (again != null) ? response.releaseBody().then(retry(request, next, attempt, retryable, again))
					: Mono.just(response);
		}
		if (failure != null) {
			WaveApiCalls.Again again = this.calls.afterFailure(failure, attempt, retryable, retry);
			return (again != null) ? retry(request, next, attempt, retryable, again) : Mono.error(failure);
		}
		WaveApiCalls.Retry.end(retry, WaveApiCalls.Retry.SUCCESS);
		return Mono.empty();
	}

	private Mono<ClientResponse> retry(ClientRequest request, ExchangeFunction next, int attempt, boolean retryable,
			WaveApiCalls.Again again) {
		return Mono.delay(again.delay())
			.doOnCancel(() -> WaveApiCalls.Retry.end(again.retry(), WaveApiCalls.Retry.CANCELLED))
			.then(Mono.defer(() -> attempt(request, next, attempt + 1, retryable, again.retry())));
	}

}
