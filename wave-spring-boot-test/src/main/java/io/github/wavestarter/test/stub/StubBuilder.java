package io.github.wavestarter.test.stub;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * Fluent stub definition, obtained from
 * {@code MockWaveServer.stubs().stub(method, path)}:
 *
 * <pre>{@code
 * server.stubs().stub("GET", "/cost/v1/aws/budgets").thenReturn(200, "{\"budgets\":[]}");
 * server.stubs().stub("GET", "/billing/v1/billinggroups").thenStream(List.of(Map.of("billingInternalId", "bg-1")));
 * server.stubs().stub("GET", "/admin/v1/acctgroups/{id}").thenGrpcError(5, "group not found");
 * server.stubs().stub("GET", "/iam/v1/whoami").thenRespond(502, "text/html", "<html>Bad Gateway</html>");
 * server.stubs().stub("GET", "/cost/v1/aws/accounts").thenChunks(() -> Flux.just("{\"result\":{\"id\"", ":\"1\"}}\n"));
 * }</pre>
 *
 * Paths are relative to {@code /m/blue} and start with the service base, as in the real
 * URL. Stubbed endpoints still require a valid bearer token and still honour faults.
 */
public final class StubBuilder {

	private final StubRegistry registry;

	private final String method;

	private final String pathTemplate;

	StubBuilder(StubRegistry registry, String method, String pathTemplate) {
		this.registry = Objects.requireNonNull(registry, "registry");
		this.method = ApiStub.normalizeMethod(Objects.requireNonNull(method, "method"));
		Objects.requireNonNull(pathTemplate, "pathTemplate");
		this.pathTemplate = pathTemplate.startsWith("/") ? pathTemplate : "/" + pathTemplate;
	}

	/**
	 * @return the path template, with a leading {@code /}
	 */
	public String pathTemplate() {
		return pathTemplate;
	}

	/**
	 * Answers with this status and body.
	 * @param body JSON text, or any object Jackson can serialize
	 */
	public void thenReturn(int status, Object body) {
		registry.add(new ApiStub(method, pathTemplate, new StubbedResponse.Unary(status, registry.toJson(body))));
	}

	/** Answers 200 with this body (JSON text or a Jackson-serializable object). */
	public void thenReturn(Object body) {
		thenReturn(200, body);
	}

	/**
	 * Answers a chunked stream with one {@code {"result":...}} line per element (JSON
	 * text or objects).
	 */
	public void thenStream(List<?> results) {
		List<String> json = results.stream().<String>map(registry::toJson).toList();
		registry.add(new ApiStub(method, pathTemplate, new StubbedResponse.Stream(json)));
	}

	/**
	 * Answers a grpc-gateway error with the HTTP status that corresponds to the gRPC
	 * code.
	 */
	public void thenGrpcError(int grpcCode, String message) {
		registry.add(new ApiStub(method, pathTemplate,
				new StubbedResponse.GrpcError(grpcCode, Objects.requireNonNull(message, "message"))));
	}

	/**
	 * Answers exactly this, not checked as JSON: an error page of a proxy, a truncated
	 * body, an empty one.
	 * @param status HTTP status
	 * @param contentType the {@code Content-Type}, or {@code null} for none
	 * @param body the body text (UTF-8), may be empty
	 */
	public void thenRespond(int status, @Nullable String contentType, String body) {
		registry.add(new ApiStub(method, pathTemplate, new StubbedResponse.Raw(status, contentType, body)));
	}

	/**
	 * Answers 200 {@code application/json} in chunks: each element of a new publisher
	 * from {@code chunks} is written and flushed as one HTTP chunk when it is published,
	 * with nothing added (no line framing), so a test controls chunk boundaries, pauses
	 * and length (even endless streams; the server stops when the client goes away).
	 * @param chunks supplies the chunks, once per request
	 */
	public void thenChunks(Supplier<? extends Publisher<String>> chunks) {
		registry.add(new ApiStub(method, pathTemplate, new StubbedResponse.Chunked(200, chunks)));
	}

}
