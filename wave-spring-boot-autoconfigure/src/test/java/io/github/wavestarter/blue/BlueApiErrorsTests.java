package io.github.wavestarter.blue;

import java.time.Duration;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Error mapping of every body shape through a real WebClient with
 * {@link BlueApiErrors#register}.
 */
class BlueApiErrorsTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private static final String SECRET = "Bearer eyJhbGciOiJSUzI1NiJ9.secret-token-value";

	private MockWebServer server;

	private WebClient client;

	@BeforeEach
	void start() throws Exception {
		this.server = new MockWebServer();
		this.server.start();
		WebClient.Builder builder = WebClient.builder().baseUrl(this.server.url("/").toString());
		BlueApiErrors.register(builder);
		this.client = builder.build();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private BlueApiException call(MockResponse response) {
		this.server.enqueue(response);
		Mono<String> mono = this.client.get()
			.uri("/iam/v1/whoami?x=1")
			.header(HttpHeaders.AUTHORIZATION, SECRET)
			.retrieve()
			.bodyToMono(String.class);
		BlueApiException ex = catchThrowableOfType(BlueApiException.class, () -> mono.block(Duration.ofSeconds(10)));
		assertThat(ex).isNotNull();
		assertThat(ex.getMessage()).doesNotContain("secret-token-value").doesNotContain("Bearer");
		assertThat(ex.toString()).doesNotContain("secret-token-value");
		return ex;
	}

	@Test
	void jsonGrpcError() {
		BlueApiException ex = call(new MockResponse.Builder().code(403)
			.addHeader("Content-Type", "application/json")
			.body("{\"code\":7,\"message\":\"no access to org\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"NOPE\"}]}")
			.build());
		assertThat(ex.getHttpStatus()).isEqualTo(403);
		assertThat(ex.getStatusCode().value()).isEqualTo(403);
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.PERMISSION_DENIED);
		assertThat(ex.getApiMessage()).isEqualTo("no access to org");
		assertThat(ex.getDetails()).hasSize(1);
		assertThat(ex.getDetails().get(0).get("reason").asString()).isEqualTo("NOPE");
		assertThat(ex.getBodySnippet()).isNull();
		assertThat(ex.getMessage())
			.isEqualTo("Blue API error PERMISSION_DENIED (7), HTTP 403 on GET /iam/v1/whoami: no access to org");
	}

	@Test
	void unauthenticated401() {
		BlueApiException ex = call(new MockResponse.Builder().code(401)
			.body("{\"code\":16,\"message\":\"Unauthenticated\",\"details\":[]}")
			.build());
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.UNAUTHENTICATED);
		assertThat(ex.getDetails()).isEmpty();
	}

	@Test
	void htmlBody() {
		String html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\n<body>\u0007" + "<p>x</p>".repeat(500)
				+ "</body></html>";
		BlueApiException ex = call(
				new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body(html).build());
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
		BlueApiException ex = call(new MockResponse.Builder().code(503).build());
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.UNAVAILABLE);
		assertThat(ex.getBodySnippet()).isEmpty();
		assertThat(ex.getMessage()).endsWith("<empty body>");
	}

	@Test
	void truncatedJson() {
		BlueApiException ex = call(
				new MockResponse.Builder().code(500).body("{\"code\":13,\"message\":\"inter").build());
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.INTERNAL);
		assertThat(ex.getApiMessage()).isNull();
		assertThat(ex.getBodySnippet()).isEqualTo("{\"code\":13,\"message\":\"inter");
	}

	@Test
	void unknownCodeNumberAndErrorWrapper() {
		BlueApiException ex = call(
				new MockResponse.Builder().code(400).body("{\"error\":{\"code\":42,\"message\":\"odd\"}}").build());
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.UNKNOWN);
		assertThat(ex.getRawCode()).isEqualTo(42);
		assertThat(ex.getApiMessage()).isEqualTo("odd");
	}

	@Test
	void hugeErrorBodyDoesNotHitCodecLimit() {
		String big = "{\"code\":3,\"message\":\"" + "m".repeat(600_000) + "\"}";
		BlueApiException ex = call(new MockResponse.Builder().code(400).body(big).build());
		// body cut at 64 KB -> not parseable -> snippet + status-derived code
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.INVALID_ARGUMENT);
		assertThat(ex.getBodySnippet()).startsWith("{\"code\":3").hasSizeLessThanOrEqualTo(201);
	}

	@Test
	void successIsUntouched() {
		this.server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
		assertThat(this.client.get().uri("/x").retrieve().bodyToMono(String.class).block(BLOCK)).isEqualTo("ok");
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
