package io.github.wavestarter.blue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Maps Blue API error responses to {@link BlueApiException}.
 * <p>
 * Wire into a {@link WebClient.Builder} so that every {@code retrieve()} call fails with
 * {@link BlueApiException} instead of a bare {@code WebClientResponseException}:
 * <pre class="code">
 * WebClient.Builder builder = ...;
 * BlueApiErrors.register(builder);
 * </pre> At most {@value #MAX_ERROR_BODY_BYTES} bytes of an error body are read; the
 * codec in-memory limit does not apply.
 */
public final class BlueApiErrors {

	/** Maximum number of error-body bytes read for mapping. */
	public static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

	/** Maximum number of characters of a non-JSON error body kept in the exception. */
	public static final int MAX_SNIPPET_CHARS = 200;

	/**
	 * The mapper of calls that give none (unknown properties ignored), built at its first
	 * use rather than with this class: a whole {@code JsonMapper} is costly, and the
	 * auto-configuration passes the application's.
	 */
	static JsonMapper defaultMapper() {
		return DefaultMapper.INSTANCE;
	}

	private BlueApiErrors() {
	}

	/**
	 * Register a default status handler on the builder that turns every 4xx/5xx response
	 * of a {@code retrieve()} call into a {@link BlueApiException}.
	 * @param builder the builder to customize (e.g. the one behind {@code waveWebClient})
	 */
	public static void register(WebClient.Builder builder) {
		register(builder, defaultMapper());
	}

	/**
	 * Variant of {@link #register(WebClient.Builder)} that parses error bodies with the
	 * given mapper.
	 * @param builder the builder to customize
	 * @param jsonMapper the mapper used to parse error bodies
	 */
	public static void register(WebClient.Builder builder, JsonMapper jsonMapper) {
		builder.defaultStatusHandler(HttpStatusCode::isError, (response) -> fromResponse(response, jsonMapper));
	}

	/**
	 * Register a default status handler on a {@link RestClient} builder that turns every
	 * 4xx/5xx answer into a {@link BlueApiException}, as
	 * {@link #register(WebClient.Builder, JsonMapper)} does for {@code WebClient}.
	 * @param builder the builder to customize (e.g. the one behind
	 * {@code waveRestClient})
	 * @param jsonMapper the mapper used to parse error bodies
	 */
	public static void register(RestClient.Builder builder, JsonMapper jsonMapper) {
		builder.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			throw fromResponse(response, request.getMethod() + " " + request.getURI().getRawPath(), jsonMapper);
		});
	}

	/**
	 * Reads (at most {@value #MAX_ERROR_BODY_BYTES} bytes of) a blocking error answer and
	 * maps it, as {@link #fromResponse(ClientResponse, JsonMapper)} does for a reactive
	 * one: a body that cannot be read counts as empty.
	 * @param response the error answer
	 * @param context optional request context (method and path)
	 * @param jsonMapper the mapper
	 * @return the exception
	 */
	static BlueApiException fromResponse(ClientHttpResponse response, @Nullable String context, JsonMapper jsonMapper)
			throws IOException {
		byte[] body;
		try (InputStream in = response.getBody()) {
			body = in.readNBytes(MAX_ERROR_BODY_BYTES);
		}
		catch (IOException ex) {
			body = new byte[0];
		}
		return fromBody(response.getStatusCode().value(), body, context, jsonMapper);
	}

	/**
	 * Read (at most {@value #MAX_ERROR_BODY_BYTES} bytes of) the response body and map
	 * it.
	 * @param response the error response
	 * @return a Mono with the exception (never empty)
	 */
	public static Mono<BlueApiException> fromResponse(ClientResponse response) {
		return fromResponse(response, defaultMapper());
	}

	/**
	 * Read (at most {@value #MAX_ERROR_BODY_BYTES} bytes of) the response body and map
	 * it.
	 * @param response the error response
	 * @param jsonMapper the mapper used to parse the body
	 * @return a Mono with the exception (never empty)
	 */
	public static Mono<BlueApiException> fromResponse(ClientResponse response, JsonMapper jsonMapper) {
		int status = response.statusCode().value();
		String context = context(response);
		return Mono.defer(() -> {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			return response.body(BodyExtractors.toDataBuffers())
				.map((buffer) -> copyAndRelease(buffer, out))
				.takeUntil((size) -> size >= MAX_ERROR_BODY_BYTES)
				.onErrorResume((ex) -> Mono.empty())
				.then(Mono.fromSupplier(() -> fromBody(status, out.toByteArray(), context, jsonMapper)));
		});
	}

	private static int copyAndRelease(DataBuffer buffer, ByteArrayOutputStream out) {
		try {
			int n = Math.min(buffer.readableByteCount(), MAX_ERROR_BODY_BYTES - out.size());
			if (n > 0) {
				byte[] bytes = new byte[n];
				buffer.read(bytes);
				out.write(bytes, 0, n);
			}
			return out.size();
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static @Nullable String context(ClientResponse response) {
		try {
			HttpRequest request = response.request();
			URI uri = request.getURI();
			return request.getMethod() + " " + uri.getRawPath();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Map an error body to an exception. JSON gRPC status bodies
	 * ({@code {"code","message","details"}}, optionally wrapped in
	 * {@code {"error":{...}}}) yield code, message and details; anything else yields a
	 * gRPC code derived from the HTTP status and a sanitized snippet of at most
	 * {@value #MAX_SNIPPET_CHARS} characters.
	 * @param httpStatus the HTTP status
	 * @param body the (possibly truncated) body bytes
	 * @param context optional request context (method and path, never headers)
	 * @param jsonMapper the mapper
	 * @return the exception
	 */
	public static BlueApiException fromBody(int httpStatus, byte[] body, @Nullable String context,
			JsonMapper jsonMapper) {
		if (body.length > 0) {
			try {
				JsonNode node = jsonMapper.readTree(body);
				if (node != null && node.isObject() && node.has("error") && node.get("error").isObject()) {
					node = node.get("error");
				}
				if (node != null && node.isObject() && (node.has("code") || node.has("message"))) {
					return fromStatusNode(httpStatus, node, context);
				}
			}
			catch (JacksonException ex) {
				// not JSON (HTML, truncated, ...): fall through to snippet
			}
		}
		String text = new String(body, StandardCharsets.UTF_8);
		return new BlueApiException(httpStatus, GrpcCode.fromHttpStatus(httpStatus).number(), null, List.of(),
				sanitize(text, MAX_SNIPPET_CHARS), context, null);
	}

	/**
	 * Map a {@code google.rpc.Status} JSON object.
	 * @param httpStatus the HTTP status ({@code 200} for a mid-stream error line)
	 * @param status the status object
	 * @param context optional request context
	 * @return the exception
	 */
	public static BlueApiException fromStatusNode(int httpStatus, JsonNode status, @Nullable String context) {
		JsonNode codeNode = status.get("code");
		int code = (codeNode != null && codeNode.canConvertToInt()) ? codeNode.asInt()
				: GrpcCode.fromHttpStatus(httpStatus).number();
		if (codeNode != null && codeNode.isString()) {
			code = parseCode(codeNode.asString(), httpStatus);
		}
		JsonNode messageNode = status.get("message");
		String message = (messageNode != null && !messageNode.isNull()) ? messageNode.asString() : null;
		List<JsonNode> details = new ArrayList<>();
		JsonNode detailsNode = status.get("details");
		if (detailsNode != null && detailsNode.isArray()) {
			detailsNode.forEach(details::add);
		}
		return new BlueApiException(httpStatus, code, message, details, null, context, null);
	}

	private static int parseCode(String text, int httpStatus) {
		try {
			return Integer.parseInt(text.trim());
		}
		catch (NumberFormatException ex) {
			for (GrpcCode c : GrpcCode.values()) {
				if (c.name().equalsIgnoreCase(text.trim())) {
					return c.number();
				}
			}
			return GrpcCode.UNKNOWN.number();
		}
	}

	/**
	 * Replace control characters with spaces, collapse whitespace and truncate.
	 * @param text the text
	 * @param maxChars maximum characters kept (an ellipsis is appended when cut)
	 * @return the sanitized text
	 */
	static String sanitize(String text, int maxChars) {
		StringBuilder sb = new StringBuilder(Math.min(text.length(), maxChars + 1));
		boolean lastSpace = false;
		int i = 0;
		for (; i < text.length() && sb.length() < maxChars; i++) {
			char c = text.charAt(i);
			if (isSpace(c)) {
				if (!lastSpace && sb.length() > 0) {
					sb.append(' ');
				}
				lastSpace = true;
			}
			else {
				sb.append(c);
				lastSpace = false;
			}
		}
		String result = sb.toString().strip();
		return hasTextFrom(text, i) ? result + "…" : result;
	}

	/**
	 * Whether anything but spaces and control characters is left from {@code from} on.
	 */
	private static boolean hasTextFrom(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			if (!isSpace(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Control characters, white space, the replacement character and invisible formatting
	 * characters (text direction overrides, zero-width characters), which could disguise
	 * a snippet in a log.
	 */
	private static boolean isSpace(char c) {
		return Character.isISOControl(c) || Character.isWhitespace(c) || c == '\uFFFD'
				|| Character.getType(c) == Character.FORMAT;
	}

	private static final class DefaultMapper {

		static final JsonMapper INSTANCE = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();

	}

}
