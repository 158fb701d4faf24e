package io.github.wavestarter.blue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much of an error body {@link BlueApiErrors} reads and how it cleans the text it
 * keeps, without HTTP.
 */
class BlueApiErrorsBodyTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private final NettyDataBufferFactory factory = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

	@Test
	void bodyOfExactlyTheLimitIsReadWhole() {
		byte[] body = statusBodyOfSize(BlueApiErrors.MAX_ERROR_BODY_BYTES);
		BlueApiException ex = map(body, 1000);
		assertThat(ex.getApiMessage()).startsWith("mmm").hasSize(BlueApiErrors.MAX_ERROR_BODY_BYTES - 23);
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.INVALID_ARGUMENT);
		assertThat(ex.getBodySnippet()).isNull();
	}

	@Test
	void bodyOneByteOverTheLimitIsCutAtTheLimit() {
		byte[] body = statusBodyOfSize(BlueApiErrors.MAX_ERROR_BODY_BYTES + 1);
		for (int chunk : new int[] { 1000, BlueApiErrors.MAX_ERROR_BODY_BYTES, body.length }) {
			BlueApiException ex = map(body, chunk);
			// cut: no longer JSON, so a snippet and the code of the HTTP status (409)
			assertThat(ex.getApiMessage()).as("chunk %d", chunk).isNull();
			assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.ABORTED);
			assertThat(ex.getBodySnippet()).startsWith("{\"code\":3,\"message\":\"mmm").endsWith("…");
		}
	}

	@Test
	void snippetOfExactlyTheMaximumIsKeptWithoutEllipsis() {
		String text = "a".repeat(BlueApiErrors.MAX_SNIPPET_CHARS);
		assertThat(BlueApiErrors.sanitize(text, BlueApiErrors.MAX_SNIPPET_CHARS)).isEqualTo(text);
		assertThat(BlueApiErrors.sanitize(text + "b", BlueApiErrors.MAX_SNIPPET_CHARS)).isEqualTo(text + "…");
	}

	@Test
	void controlCharactersAndWhitespaceCollapseToOneSpace() {
		assertThat(BlueApiErrors.sanitize("\r\n a\r\n\t\u0007b\uFFFDc  \u0000", 100)).isEqualTo("a b c");
		assertThat(BlueApiErrors.sanitize("a     b", 100)).isEqualTo("a b");
	}

	@Test
	void collapsedTextShorterThanTheMaximumGetsNoEllipsis() {
		assertThat(BlueApiErrors.sanitize("a" + " ".repeat(10) + "b", 5)).isEqualTo("a b");
		assertThat(BlueApiErrors.sanitize("abc   ", 3)).isEqualTo("abc");
		assertThat(BlueApiErrors.sanitize("abcd", 3)).isEqualTo("abc…");
	}

	@Test
	void nonJsonBodyKeepsACleanSnippetAndTheStatusCode() {
		BlueApiException ex = BlueApiErrors.fromBody(503, "busy\r\nretry".getBytes(StandardCharsets.UTF_8),
				"GET /m/blue/iam/v1/whoami", BlueApiErrors.defaultMapper());
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.UNAVAILABLE);
		assertThat(ex.getBodySnippet()).isEqualTo("busy retry");
		assertThat(ex.getMessage()).contains("on GET /m/blue/iam/v1/whoami");
	}

	@Test
	void jsonWithoutCodeOrMessageIsASnippet() {
		BlueApiException ex = BlueApiErrors.fromBody(404, "{\"error\":\"nope\"}".getBytes(StandardCharsets.UTF_8), null,
				BlueApiErrors.defaultMapper());
		assertThat(ex.getApiMessage()).isNull();
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.NOT_FOUND);
		assertThat(ex.getBodySnippet()).isEqualTo("{\"error\":\"nope\"}");
	}

	@Test
	void codeGivenAsTextIsReadByNumberOrName() {
		assertThat(statusOf("{\"code\":\" 7 \",\"message\":\"m\"}")).isEqualTo(GrpcCode.PERMISSION_DENIED);
		assertThat(statusOf("{\"code\":\"not_found\",\"message\":\"m\"}")).isEqualTo(GrpcCode.NOT_FOUND);
		assertThat(statusOf("{\"code\":\"whatever\",\"message\":\"m\"}")).isEqualTo(GrpcCode.UNKNOWN);
		assertThat(statusOf("{\"message\":\"m\"}")).isEqualTo(GrpcCode.INVALID_ARGUMENT);
	}

	private static GrpcCode statusOf(String json) {
		return BlueApiErrors.fromBody(400, json.getBytes(StandardCharsets.UTF_8), null, BlueApiErrors.defaultMapper())
			.getGrpcCode();
	}

	/** {@code {"code":3,"message":"mmm..."}} of exactly {@code size} bytes. */
	private static byte[] statusBodyOfSize(int size) {
		String prefix = "{\"code\":3,\"message\":\"";
		String suffix = "\"}";
		String body = prefix + "m".repeat(size - prefix.length() - suffix.length()) + suffix;
		assertThat(body.length()).isEqualTo(size);
		return body.getBytes(StandardCharsets.UTF_8);
	}

	private BlueApiException map(byte[] body, int chunk) {
		List<DataBuffer> buffers = new ArrayList<>();
		for (int start = 0; start < body.length; start += chunk) {
			buffers.add(this.factory.wrap(Arrays.copyOfRange(body, start, Math.min(body.length, start + chunk))));
		}
		ClientResponse response = ClientResponse.create(HttpStatus.CONFLICT).body(Flux.fromIterable(buffers)).build();
		return BlueApiErrors.fromResponse(response).block(BLOCK);
	}

}
