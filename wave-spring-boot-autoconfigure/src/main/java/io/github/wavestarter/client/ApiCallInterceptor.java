package io.github.wavestarter.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

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
		boolean retryable = WaveApiCalls.isRetryable(request.getMethod(), request.getURI(),
				request.getAttributes().get(WaveApiCalls.RETRY_WRITES));
		WaveApiCalls.Retry retry = null;
		for (int attempt = 1;; attempt++) {
			WaveApiCalls.Again again;
			try {
				pace();
				ClientHttpResponse response = execution.execute(request, body);
				again = this.calls.afterAnswer(response.getStatusCode().value(), response.getHeaders(), attempt,
						retryable, retry);
				if (again == null) {
					return response;
				}
				response.close();
			}
			catch (IOException | RuntimeException ex) {
				again = this.calls.afterFailure(ex, attempt, retryable, retry);
				if (again == null) {
					throw ex;
				}
			}
			retry = again.retry();
			try {
				sleep(again.delay().toNanos());
			}
			catch (InterruptedIOException ex) {
				WaveApiCalls.Retry.end(retry, WaveApiCalls.Retry.CANCELLED);
				throw ex;
			}
		}
	}

	private void pace() throws InterruptedIOException {
		long wait = this.calls.reserve();
		if (wait > 0) {
			ObservedOnce observation = this.calls.startWait();
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
