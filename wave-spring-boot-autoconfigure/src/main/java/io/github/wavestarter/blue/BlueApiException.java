package io.github.wavestarter.blue;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatusCode;

/**
 * An error returned by the Alphaus Blue API, either as a non-2xx response or as an
 * {@code {"error":{...}}} line in the middle of a streaming response (HTTP status then is
 * {@code 200}).
 * <p>
 * Carries the HTTP status, the gRPC {@link GrpcCode code} (plus the raw number), the
 * server message and the {@code details} array. For bodies that are not a gRPC status
 * JSON (HTML error pages, empty or truncated bodies) {@link #getBodySnippet()} holds a
 * short, sanitized prefix of the body. Request headers (in particular
 * {@code Authorization}) are never part of this exception.
 */
public class BlueApiException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int httpStatus;

	private final GrpcCode grpcCode;

	private final int rawCode;

	private final @Nullable String apiMessage;

	private final transient List<JsonNode> details;

	private final @Nullable String bodySnippet;

	/**
	 * Create a new instance.
	 * @param httpStatus the HTTP status of the response ({@code 200} for mid-stream
	 * errors)
	 * @param rawCode the numeric gRPC code as sent by the server
	 * @param apiMessage the server's message, if any
	 * @param details the server's {@code details} (never {@code null})
	 * @param bodySnippet sanitized body prefix when the body was not a gRPC status JSON
	 * @param context short request context such as {@code "GET /iam/v1/whoami"}, may be
	 * {@code null}
	 * @param cause optional cause
	 */
	public BlueApiException(int httpStatus, int rawCode, @Nullable String apiMessage, List<JsonNode> details,
			@Nullable String bodySnippet, @Nullable String context, @Nullable Throwable cause) {
		super(buildMessage(httpStatus, rawCode, apiMessage, bodySnippet, context), cause);
		this.httpStatus = httpStatus;
		this.rawCode = rawCode;
		this.grpcCode = GrpcCode.fromNumber(rawCode);
		this.apiMessage = apiMessage;
		this.details = List.copyOf(details);
		this.bodySnippet = bodySnippet;
	}

	private static String buildMessage(int httpStatus, int rawCode, @Nullable String apiMessage,
			@Nullable String snippet, @Nullable String context) {
		StringBuilder sb = new StringBuilder("Blue API error ").append(GrpcCode.fromNumber(rawCode))
			.append(" (")
			.append(rawCode)
			.append("), HTTP ")
			.append(httpStatus);
		if (context != null) {
			sb.append(" on ").append(context);
		}
		if (apiMessage != null && !apiMessage.isEmpty()) {
			sb.append(": ").append(BlueApiErrors.sanitize(apiMessage, 1000));
		}
		else if (snippet != null) {
			sb.append(snippet.isEmpty() ? ": <empty body>" : ": body: " + snippet);
		}
		return sb.toString();
	}

	/** The HTTP status value ({@code 200} for errors reported inside a stream). */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/** The HTTP status as a Spring {@link HttpStatusCode}. */
	public HttpStatusCode getStatusCode() {
		return HttpStatusCode.valueOf(this.httpStatus);
	}

	/** The gRPC code; {@link GrpcCode#UNKNOWN} for numbers outside the standard range. */
	public GrpcCode getGrpcCode() {
		return this.grpcCode;
	}

	/**
	 * The numeric code exactly as sent by the server (or derived from the HTTP status).
	 */
	public int getRawCode() {
		return this.rawCode;
	}

	/** The server's developer-facing message, or {@code null}. */
	public @Nullable String getApiMessage() {
		return this.apiMessage;
	}

	/**
	 * The server's {@code details} entries (typically {@code google.protobuf.Any}
	 * objects).
	 */
	public List<JsonNode> getDetails() {
		return (this.details != null) ? this.details : List.of();
	}

	/**
	 * Sanitized, truncated body prefix when the body was not a gRPC status JSON, else
	 * {@code null}.
	 */
	public @Nullable String getBodySnippet() {
		return this.bodySnippet;
	}

}
