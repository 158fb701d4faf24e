package io.github.wavestarter.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.FastByteArrayOutputStream;

/**
 * The request factory of {@code waveRestClient} on the JDK {@code HttpClient}. Spring's
 * {@code JdkClientHttpRequestFactory} turns its read timeout into a deadline for the
 * whole exchange, body included, which would cut a long Blue stream that keeps flowing;
 * here the response timeout bounds the wait for the response headers
 * ({@link HttpRequest.Builder#timeout}) and then each read of the body
 * ({@link IdleReadTimeout}), as on Reactor Netty. Request bodies are buffered (the bearer
 * interceptor replays them after a 401 anyway).
 */
final class WaveJdkRequestFactory implements ClientHttpRequestFactory {

	/** Headers the JDK {@code HttpClient} sets itself and refuses from callers. */
	private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

	private final Supplier<HttpClient> httpClient;

	private final @Nullable IdleReadTimeout readTimeout;

	private final Function<URI, @Nullable String> proxyAuthorization;

	/**
	 * A request factory on a JDK {@code HttpClient}.
	 * @param httpClient the client, built at the first request
	 * @param readTimeout the response timeout, or {@code null} for none
	 * @param proxyAuthorization gives the {@code Proxy-Authorization} value of a request
	 * to a URI, or {@code null} for none
	 */
	WaveJdkRequestFactory(Supplier<HttpClient> httpClient, @Nullable IdleReadTimeout readTimeout,
			Function<URI, @Nullable String> proxyAuthorization) {
		this.httpClient = httpClient;
		this.readTimeout = readTimeout;
		this.proxyAuthorization = proxyAuthorization;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod method) {
		return new Request(uri, method);
	}

	private final class Request extends AbstractClientHttpRequest {

		private final URI uri;

		private final HttpMethod method;

		private final FastByteArrayOutputStream body = new FastByteArrayOutputStream(256);

		Request(URI uri, HttpMethod method) {
			this.uri = uri;
			this.method = method;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		protected OutputStream getBodyInternal(HttpHeaders headers) {
			return this.body;
		}

		@Override
		protected ClientHttpResponse executeInternal(HttpHeaders headers) throws IOException {
			HttpRequest.BodyPublisher publisher = (this.body.size() > 0)
					? HttpRequest.BodyPublishers.ofByteArray(this.body.toByteArrayUnsafe())
					: HttpRequest.BodyPublishers.noBody();
			HttpRequest.Builder request = HttpRequest.newBuilder(this.uri).method(this.method.name(), publisher);
			IdleReadTimeout timeout = WaveJdkRequestFactory.this.readTimeout;
			if (timeout != null) {
				request.timeout(timeout.timeout());
			}
			headers.forEach((name, values) -> {
				if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
					values.forEach((value) -> request.header(name, value));
				}
			});
			String proxyAuthorization = WaveJdkRequestFactory.this.proxyAuthorization.apply(this.uri);
			if (proxyAuthorization != null) {
				request.setHeader(HttpHeaders.PROXY_AUTHORIZATION, proxyAuthorization);
			}
			try {
				HttpResponse<InputStream> response = WaveJdkRequestFactory.this.httpClient.get()
					.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
				return new Response(response, (timeout != null) ? timeout.guard(response.body()) : response.body());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException(
						"Interrupted while waiting for the response of " + this.method + " " + this.uri.getPath());
			}
		}

	}

	private static final class Response implements ClientHttpResponse {

		private final HttpResponse<InputStream> response;

		private final InputStream body;

		private final HttpHeaders headers = new HttpHeaders();

		Response(HttpResponse<InputStream> response, InputStream body) {
			this.response = response;
			this.body = body;
			response.headers().map().forEach((name, values) -> {
				if (!name.startsWith(":")) {
					this.headers.addAll(name, values);
				}
			});
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatusCode.valueOf(this.response.statusCode());
		}

		@Override
		public String getStatusText() {
			return "";
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() {
			return this.body;
		}

		@Override
		public void close() {
			// no drain: a Blue stream closed early may have millions of rows left, and
			// closing the JDK's body stream cancels it
			try {
				this.body.close();
			}
			catch (IOException ex) {
				// nothing more to do with a broken body
			}
		}

	}

}
