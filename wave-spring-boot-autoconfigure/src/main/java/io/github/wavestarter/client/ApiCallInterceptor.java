package io.github.wavestarter.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Paces and retries the Blue API calls of a {@code RestClient}, as {@link WaveApiCalls}
 * says, the blocking twin of {@link ApiCallFilter}: the calling thread waits. The retry
 * is decided on the answer's status, before the caller reads its body, so a blocking
 * stream is never retried once rows have been read. An interrupted wait fails the call
 * with an {@link InterruptedIOException} and keeps the thread's interrupt.
 */
final class ApiCallInterceptor implements ClientHttpRequestInterceptor {

	private final WaveApiCalls calls;

	ApiCallInterceptor(WaveApiCalls calls) {
		this.calls = calls;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!this.calls.covers(request.getURI())) {
			return execution.execute(request, body);
		}
		boolean retryable = WaveApiCalls.isSafe(request.getMethod(), request.getURI())
				|| Boolean.TRUE.equals(request.getAttributes().get(WaveApiCalls.RETRY_WRITES));
		WaveApiCalls.Retry retry = null;
		for (int attempt = 1;; attempt++) {
			ClientHttpResponse response;
			try {
				pace();
				response = execution.execute(request, body);
			}
			catch (IOException | RuntimeException ex) {
				boolean connection = retryable && WaveApiCalls.isConnectionFailure(ex);
				Duration delay = connection ? this.calls.retryDelay(attempt, null) : null;
				if (delay == null) {
					WaveApiCalls.Retry.end(retry,
							connection ? WaveApiCalls.Retry.EXHAUSTED : WaveApiCalls.Retry.FAILURE);
					throw ex;
				}
				retry = retryAfter(retry, WaveApiCalls.IO, delay);
				continue;
			}
			int status = response.getStatusCode().value();
			Duration retryAfter = WaveApiCalls.retryAfter(response.getHeaders());
			this.calls.answered(status, retryAfter);
			String retried = retryable ? WaveApiCalls.retriedStatus(status) : null;
			Duration delay = (retried != null) ? this.calls.retryDelay(attempt, retryAfter) : null;
			if (retried == null || delay == null) {
				WaveApiCalls.Retry.end(retry,
						(retried != null) ? WaveApiCalls.Retry.EXHAUSTED : WaveApiCalls.Retry.SUCCESS);
				return response;
			}
			response.close();
			retry = retryAfter(retry, retried, delay);
		}
	}

	/** Ends the last retry's observation, starts the next and waits for its turn. */
	private WaveApiCalls.Retry retryAfter(WaveApiCalls.@Nullable Retry previous, String status, Duration delay)
			throws InterruptedIOException {
		WaveApiCalls.Retry.end(previous, WaveApiCalls.Retry.RETRIED);
		WaveApiCalls.Retry retry = this.calls.startRetry(status);
		try {
			sleep(delay.toNanos());
		}
		catch (InterruptedIOException ex) {
			WaveApiCalls.Retry.end(retry, WaveApiCalls.Retry.CANCELLED);
			throw ex;
		}
		return retry;
	}

	private void pace() throws InterruptedIOException {
		long wait = this.calls.reserve();
		if (wait > 0) {
			Observation observation = this.calls.startWait();
			try {
				sleep(wait);
			}
			finally {
				observation.stop();
			}
		}
	}

	private static void sleep(long nanos) throws InterruptedIOException {
		try {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while a Blue API call waited for its turn");
		}
	}

}
