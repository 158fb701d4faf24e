package io.github.wavestarter.test.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A fault armed for the next {@code n} matching requests, configured fluently:
 *
 * <pre>{@code
 * server.faults().token().failNext(2).withStatus(503).withHeader("Retry-After", "1");
 * server.faults().api("/cost/v1/aws/costs:read").failNext(1).withMidStreamError(5, 13, "backend died");
 * server.faults().api().failNext(1).withDroppedConnection();
 * server.faults().token().failNext(1).withRedirect(307, "https://elsewhere.example/collect");
 * server.faults().token().failNext(1).withHostileToken(HostileToken.CR_LF);
 * }</pre>
 *
 * The spec is active as soon as {@code failNext} returns; each {@code with...} call
 * atomically replaces its effect, so configure it before sending the requests that should
 * fail. Once {@code n} requests consumed it, normal service resumes.
 */
public final class FaultSpec {

	private final FaultTarget target;

	private final AtomicInteger remaining;

	private volatile Fault fault = Fault.NONE;

	FaultSpec(FaultTarget target, int times) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be >= 1 but was " + times);
		}
		this.target = Objects.requireNonNull(target, "target");
		this.remaining = new AtomicInteger(times);
	}

	/**
	 * Replaces the response with this status and an endpoint-appropriate error body
	 * (OAuth2 error JSON for the token endpoint, grpc-gateway status JSON for the Blue
	 * API).
	 */
	public FaultSpec withStatus(int status) {
		fault = fault.withStatus(status, null, null);
		return this;
	}

	/** Replaces the response with this status and a JSON body. */
	public FaultSpec withStatus(int status, String jsonBody) {
		fault = fault.withStatus(status, jsonBody, "application/json");
		return this;
	}

	/** Replaces the response with this status, body and content type. */
	public FaultSpec withResponse(int status, String body, String contentType) {
		fault = fault.withStatus(status, body, contentType);
		return this;
	}

	/**
	 * Adds a header to the (faulty or normal) response, e.g.
	 * {@code withHeader("Retry-After", "1")}.
	 */
	public FaultSpec withHeader(String name, String value) {
		fault = fault.withHeader(name, value);
		return this;
	}

	/** Shortcut for {@code withHeader("Retry-After", String.valueOf(seconds))}. */
	public FaultSpec withRetryAfter(long seconds) {
		return withHeader("Retry-After", String.valueOf(seconds));
	}

	/**
	 * Waits this long before answering (the normal response unless another effect
	 * replaces it).
	 */
	public FaultSpec withDelay(Duration delay) {
		Objects.requireNonNull(delay, "delay");
		fault = fault.withDelay(delay);
		return this;
	}

	/** Closes the connection without sending any response. */
	public FaultSpec withDroppedConnection() {
		fault = fault.withDropConnection();
		return this;
	}

	/**
	 * Answers a {@code 502 Bad Gateway} HTML page, as a proxy in front of the service
	 * would.
	 */
	public FaultSpec withHtmlBody() {
		return withHtmlBody(502);
	}

	/** Answers an HTML error page with this status. */
	public FaultSpec withHtmlBody(int status) {
		fault = fault.withHtml(status);
		return this;
	}

	/**
	 * Cuts the normal JSON response in the middle: unary responses get half of their body
	 * (with a matching {@code Content-Length}), streams end in the middle of their first
	 * line.
	 */
	public FaultSpec withTruncatedJson() {
		fault = fault.withTruncatedJson();
		return this;
	}

	/**
	 * For streaming endpoints: after {@code afterRows} result lines, sends an
	 * {@code {"error":{"code":13,"message":...,"details":[]}}} line and ends the stream.
	 */
	public FaultSpec withMidStreamError(long afterRows) {
		return withMidStreamError(afterRows, 13, "internal error (injected by MockWaveServer)");
	}

	/** Like {@link #withMidStreamError(long)} with a specific gRPC code and message. */
	public FaultSpec withMidStreamError(long afterRows, int grpcCode, String message) {
		if (afterRows < 0) {
			throw new IllegalArgumentException("afterRows must be >= 0");
		}
		fault = fault.withMidStreamError(afterRows, grpcCode, Objects.requireNonNull(message, "message"));
		return this;
	}

	/**
	 * Answers a redirect: this 3xx status, a {@code Location} header and an empty body.
	 * For the token endpoint this is what a misconfigured proxy or a hostile server does
	 * to make a client send its credentials elsewhere; for the Blue API, what a client
	 * that follows redirects would carry its bearer token to.
	 * @param status a 3xx status, such as 302, 307 or 308
	 * @param location the {@code Location} header, absolute or relative
	 * @return this spec
	 */
	public FaultSpec withRedirect(int status, String location) {
		if (status < 300 || status > 399) {
			throw new IllegalArgumentException("A redirect status is 3xx, not " + status);
		}
		Objects.requireNonNull(location, "location");
		fault = fault.withStatus(status, "", "text/plain").withHeader("Location", location);
		return this;
	}

	/**
	 * For the token endpoint: answers 200 with a token response whose
	 * {@code access_token} is this raw JSON value (a string, number, object, ... exactly
	 * as given), {@code token_type} Bearer and {@code expires_in} 3600. The emulator's
	 * Blue API does not know such a token.
	 * @param accessTokenJson the JSON value of {@code access_token}, for example
	 * {@code ""tok\r\nX: 1""} or {@code "{"a":1}"}
	 * @return this spec
	 * @see #withHostileToken(HostileToken)
	 */
	public FaultSpec withAccessTokenJson(String accessTokenJson) {
		Objects.requireNonNull(accessTokenJson, "accessTokenJson");
		return withStatus(200,
				"{\"access_token\":" + accessTokenJson + ",\"token_type\":\"Bearer\",\"expires_in\":3600}");
	}

	/**
	 * For the token endpoint: answers 200 with a token response carrying one of the usual
	 * hostile {@code access_token} values (control characters, non-ASCII, a JSON object,
	 * number or boolean, an oversized token).
	 * @param token the hostile value
	 * @return this spec
	 */
	public FaultSpec withHostileToken(HostileToken token) {
		return withAccessTokenJson(Objects.requireNonNull(token, "token").json());
	}

	/**
	 * For the token endpoint: answers 200 with a well-formed token response whose
	 * {@code expires_in} is this raw JSON value (for example
	 * {@code "9223372036854775807"}, {@code "1e300"}, {@code "-5"}, {@code "59.9"} or
	 * {@code "\"3600\""}). The emulator's Blue API does not know the token.
	 * @param expiresInJson the JSON value of {@code expires_in}
	 * @return this spec
	 */
	public FaultSpec withExpiresInJson(String expiresInJson) {
		Objects.requireNonNull(expiresInJson, "expiresInJson");
		return withStatus(200, "{\"access_token\":\"" + HostileToken.PLAIN_TOKEN
				+ "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresInJson + "}");
	}

	/**
	 * Sends the (faulty or normal) response body slowly: {@code bytes} at a time, each
	 * chunk after {@code interval}. The headers go out at once, so a client's timeout
	 * "between reads" is reset by every chunk while the whole body takes
	 * {@code size / bytes * interval}.
	 * @param bytes bytes per chunk, at least 1
	 * @param interval pause before each chunk
	 * @return this spec
	 */
	public FaultSpec withTricklingBody(int bytes, Duration interval) {
		if (bytes < 1) {
			throw new IllegalArgumentException("bytes must be >= 1 but was " + bytes);
		}
		Objects.requireNonNull(interval, "interval");
		fault = fault.withTrickle(bytes, interval);
		return this;
	}

	/**
	 * @return the requests this spec still applies to
	 */
	public int remaining() {
		return Math.max(0, remaining.get());
	}

	/**
	 * @return the target of this spec
	 */
	public FaultTarget target() {
		return target;
	}

	/**
	 * @return the currently configured effect
	 */
	public Fault fault() {
		return fault;
	}

	/** Consumes one use; returns the fault, or {@code null} when this spec is used up. */
	@Nullable Fault tryConsume() {

		while (true) {
			int left = remaining.get();
			if (left <= 0) {
				return null;
			}
			if (remaining.compareAndSet(left, left - 1)) {
				return fault;
			}
		}
	}

	@Override
	public String toString() {
		return "FaultSpec[" + target + ", remaining=" + remaining() + ", " + fault + "]";
	}

}
