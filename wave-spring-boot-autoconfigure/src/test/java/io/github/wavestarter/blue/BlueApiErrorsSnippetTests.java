package io.github.wavestarter.blue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.support.ClientResponseWrapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link BlueApiErrors} stops reading an error body, what it says about the request,
 * and when its snippet gets an ellipsis, without HTTP.
 */
class BlueApiErrorsSnippetTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private final NettyDataBufferFactory factory = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

	@Test
	void anEndlessBodyIsReadUpToTheCapAndThenCancelled() {
		AtomicInteger chunks = new AtomicInteger();
		AtomicBoolean cancelled = new AtomicBoolean();
		// 1 KB chunks: the cap (64 KB) falls exactly on the end of the 64th
		Flux<DataBuffer> body = Flux.<DataBuffer>generate((sink) -> {
			chunks.incrementAndGet();
			byte[] chunk = new byte[1024];
			Arrays.fill(chunk, (byte) 'x');
			sink.next(this.factory.wrap(chunk));
		}).doOnCancel(() -> cancelled.set(true));
		ClientResponse response = ClientResponse.create(HttpStatus.SERVICE_UNAVAILABLE).body(body).build();
		BlueApiException ex = BlueApiErrors.fromResponse(response).block(BLOCK);
		assertThat(cancelled).isTrue();
		assertThat(chunks).hasValue(BlueApiErrors.MAX_ERROR_BODY_BYTES / 1024);
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.UNAVAILABLE);
		assertThat(ex.getBodySnippet()).isEqualTo("x".repeat(BlueApiErrors.MAX_SNIPPET_CHARS) + "…");
	}

	@Test
	void anEndlessBodyInChunksThatStraddleTheCapIsCutAtTheCap() {
		AtomicInteger chunks = new AtomicInteger();
		Flux<DataBuffer> body = Flux.generate((sink) -> {
			chunks.incrementAndGet();
			sink.next(this.factory.wrap(new byte[1000]));
		});
		ClientResponse response = ClientResponse.create(HttpStatus.BAD_GATEWAY).body(body).build();
		assertThat(BlueApiErrors.fromResponse(response).block(BLOCK)).isNotNull();
		assertThat(chunks).hasValue(BlueApiErrors.MAX_ERROR_BODY_BYTES / 1000 + 1);
	}

	@Test
	void theContextNamesMethodAndPathButNotTheQuery() {
		HttpRequest request = request(HttpMethod.POST, "https://api.example.com/m/blue/v1/x?token=secret");
		ClientResponse response = ClientResponse.create(HttpStatus.NOT_FOUND)
			.request(request)
			.body("{\"code\":5,\"message\":\"gone\"}")
			.build();
		BlueApiException ex = BlueApiErrors.fromResponse(response).block(BLOCK);
		assertThat(ex.getMessage()).isEqualTo("Blue API error NOT_FOUND (5), HTTP 404 on POST /m/blue/v1/x: gone");
	}

	@Test
	void aResponseThatCannotNameItsRequestIsMappedWithoutContext() {
		ClientResponse response = new ClientResponseWrapper(
				ClientResponse.create(HttpStatus.NOT_FOUND).body("{\"code\":5,\"message\":\"gone\"}").build()) {

			@Override
			public HttpRequest request() {
				throw new UnsupportedOperationException("no request");
			}

		};
		BlueApiException ex = BlueApiErrors.fromResponse(response).block(BLOCK);
		assertThat(ex.getMessage()).isEqualTo("Blue API error NOT_FOUND (5), HTTP 404: gone");
	}

	@Test
	void textThatFitsOnceCollapsedGetsNoEllipsis() {
		// collapsed to exactly the maximum
		assertThat(BlueApiErrors.sanitize("a  bc", 4)).isEqualTo("a bc");
		assertThat(BlueApiErrors.sanitize("a\r\n\tb", 3)).isEqualTo("a b");
		// only spaces and control characters after the maximum
		assertThat(BlueApiErrors.sanitize("abc\u0007\u0000", 3)).isEqualTo("abc");
		assertThat(BlueApiErrors.sanitize("ab\u0001", 3)).isEqualTo("ab");
		assertThat(BlueApiErrors.sanitize("abc \r\n\uFFFD", 3)).isEqualTo("abc");
		String exact = "y".repeat(BlueApiErrors.MAX_SNIPPET_CHARS - 2) + "\r\nz";
		assertThat(BlueApiErrors.sanitize(exact, BlueApiErrors.MAX_SNIPPET_CHARS))
			.isEqualTo("y".repeat(BlueApiErrors.MAX_SNIPPET_CHARS - 2) + " z");
	}

	@Test
	void textCutAtTheMaximumGetsAnEllipsis() {
		assertThat(BlueApiErrors.sanitize("abcd", 3)).isEqualTo("abc…");
		assertThat(BlueApiErrors.sanitize("a b c d", 5)).isEqualTo("a b c…");
		// cut right after a space: the space goes, the ellipsis stays
		assertThat(BlueApiErrors.sanitize("ab cd", 3)).isEqualTo("ab…");
		assertThat(BlueApiErrors.sanitize("abc\u0007d", 3)).isEqualTo("abc…");
	}

	@Test
	void everyControlCharacterBecomesASpace() {
		StringBuilder text = new StringBuilder("a");
		for (char c = 0; c < 0x20; c++) {
			text.append(c);
		}
		text.append('\u007F').append('\u0085').append('\u2028').append('\u2029').append('\u3000').append("b");
		assertThat(BlueApiErrors.sanitize(text.toString(), 100)).isEqualTo("a b");
	}

	@Test
	void invisibleFormattingCharactersBecomeSpaces() {
		// a right-to-left override and zero-width characters would disguise the text in
		// a log
		assertThat(BlueApiErrors.sanitize("gateway\u202Eerror\u200Bhere\uFEFF!", 200))
			.isEqualTo("gateway error here !");
		assertThat(BlueApiErrors.sanitize("ok\u2066", 200)).isEqualTo("ok");
	}

	@Test
	void aNonJsonSnippetOfAnErrorBodyIsCleanAndCapped() {
		String body = "\r\n<h1>Bad\u0000Gateway</h1>\r\n" + "z".repeat(500);
		BlueApiException ex = BlueApiErrors.fromBody(502, body.getBytes(StandardCharsets.UTF_8), null,
				BlueApiErrors.defaultMapper());
		assertThat(ex.getBodySnippet()).startsWith("<h1>Bad Gateway</h1> zzz")
			.endsWith("z…")
			.hasSize(BlueApiErrors.MAX_SNIPPET_CHARS + 1);
	}

	private static HttpRequest request(HttpMethod method, String uri) {
		return new HttpRequest() {

			@Override
			public HttpMethod getMethod() {
				return method;
			}

			@Override
			public URI getURI() {
				return URI.create(uri);
			}

			@Override
			public java.util.Map<String, Object> getAttributes() {
				return java.util.Map.of();
			}

			@Override
			public HttpHeaders getHeaders() {
				return HttpHeaders.EMPTY;
			}

		};
	}

}
