package io.github.wavestarter.blue;

import java.time.Duration;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.junit.MockWaveServerTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Error mapping of every body shape through a real WebClient with
 * {@link BlueApiErrors#register}, the bodies answered by the emulator's raw stubs.
 */
@MockWaveServerTest
class BlueApiErrorsTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private static final String WHOAMI = "/iam/v1/whoami";

	private MockWaveServer server;

	private String token;

	private WebClient client;

	@BeforeEach
	void start(MockWaveServer server) {
		this.server = server;
		this.token = server.tokens().issueAccessToken();
		WebClient.Builder builder = WebClient.builder().baseUrl(server.baseUrl());
		BlueApiErrors.register(builder);
		this.client = builder.build();
	}

	/** Answers the next call with exactly this status, content type and body. */
	private BlueApiException call(int status, @Nullable String contentType, String body) {
		this.server.stubs().stub("GET", WHOAMI).thenRespond(status, contentType, body);
		Mono<String> mono = this.client.get()
			.uri(WHOAMI + "?x=1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.retrieve()
			.bodyToMono(String.class);
		BlueApiException ex = catchThrowableOfType(BlueApiException.class, () -> mono.block(Duration.ofSeconds(10)));
		assertThat(ex).isNotNull();
		assertThat(ex.getMessage()).doesNotContain(this.token).doesNotContain("Bearer");
		assertThat(ex.toString()).doesNotContain(this.token);
		return ex;
	}

	@Test
	void jsonGrpcError() {
		BlueApiException ex = call(403, "application/json",
				"{\"code\":7,\"message\":\"no access to org\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"NOPE\"}]}");
		assertThat(ex.getHttpStatus()).isEqualTo(403);
		assertThat(ex.getStatusCode().value()).isEqualTo(403);
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.PERMISSION_DENIED);
		assertThat(ex.getApiMessage()).isEqualTo("no access to org");
		assertThat(ex.getDetails()).hasSize(1);
		assertThat(ex.getDetails().get(0).get("reason").asString()).isEqualTo("NOPE");
		assertThat(ex.getBodySnippet()).isNull();
		assertThat(ex.getMessage())
			.isEqualTo("Blue API error PERMISSION_DENIED (7), HTTP 403 on GET /m/blue/iam/v1/whoami: no access to org");
	}

	@Test
	void unauthenticated401() {
		BlueApiException ex = call(401, null, "{\"code\":16,\"message\":\"Unauthenticated\",\"details\":[]}");
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.UNAUTHENTICATED);
		assertThat(ex.getDetails()).isEmpty();
	}

	@Test
	void htmlBody() {
		String html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\n<body>\u0007" + "<p>x</p>".repeat(500)
				+ "</body></html>";
		BlueApiException ex = call(502, "text/html", html);
		assertThat(ex.getHttpStatus()).isEqualTo(502);
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.UNKNOWN);
		assertThat(ex.getBodySnippet()).startsWith("<html> <head><title>502 Bad Gateway</title></head> <body>")
			.endsWith("…")
			.hasSizeLessThanOrEqualTo(BlueApiErrors.MAX_SNIPPET_CHARS + 1)
			.doesNotContainPattern("\\p{Cntrl}");
		assertThat(ex.getMessage()).contains("HTTP 502").contains("502 Bad Gateway");
	}

	@Test
	void emptyBody() {
		BlueApiException ex = call(503, null, "");
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.UNAVAILABLE);
		assertThat(ex.getBodySnippet()).isEmpty();
		assertThat(ex.getMessage()).endsWith("<empty body>");
	}

	@Test
	void truncatedJson() {
		BlueApiException ex = call(500, null, "{\"code\":13,\"message\":\"inter");
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.INTERNAL);
		assertThat(ex.getApiMessage()).isNull();
		assertThat(ex.getBodySnippet()).isEqualTo("{\"code\":13,\"message\":\"inter");
	}

	@Test
	void unknownCodeNumberAndErrorWrapper() {
		BlueApiException ex = call(400, null, "{\"error\":{\"code\":42,\"message\":\"odd\"}}");
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.UNKNOWN);
		assertThat(ex.getRawCode()).isEqualTo(42);
		assertThat(ex.getApiMessage()).isEqualTo("odd");
	}

	@Test
	void hugeErrorBodyDoesNotHitCodecLimit() {
		String big = "{\"code\":3,\"message\":\"" + "m".repeat(600_000) + "\"}";
		BlueApiException ex = call(400, null, big);
		// body cut at 64 KB -> not parseable -> snippet + status-derived code
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.INVALID_ARGUMENT);
		assertThat(ex.getBodySnippet()).startsWith("{\"code\":3").hasSizeLessThanOrEqualTo(201);
	}

	@Test
	void successIsUntouched() {
		this.server.stubs().stub("GET", WHOAMI).thenRespond(200, "text/plain", "ok");
		assertThat(this.client.get()
			.uri(WHOAMI)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.retrieve()
			.bodyToMono(String.class)
			.block(BLOCK)).isEqualTo("ok");
	}

	@Test
	void grpcCodeLookup() {
		assertThat(GrpcCode.values()).hasSize(17);
		for (GrpcCode code : GrpcCode.values()) {
			assertThat(GrpcCode.fromNumber(code.number())).isSameAs(code);
		}
		assertThat(GrpcCode.UNAUTHENTICATED.number()).isEqualTo(16);
		assertThat(GrpcCode.OK.number()).isZero();
		assertThat(GrpcCode.fromNumber(-1)).isEqualTo(GrpcCode.UNKNOWN);
		assertThat(GrpcCode.fromNumber(17)).isEqualTo(GrpcCode.UNKNOWN);
	}

}
