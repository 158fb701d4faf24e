package io.github.wavestarter.test.fault;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Immutable description of what goes wrong with one request. Built through
 * {@link FaultSpec}.
 *
 * <p>
 * Effects are applied in this order: {@linkplain #delay() delay}, then
 * {@linkplain #dropConnection() dropped connection}, then a replacement response
 * ({@linkplain #status() status}/{@linkplain #body() body} or {@linkplain #html() HTML
 * page}), otherwise the normal response, optionally {@linkplain #truncateJson()
 * truncated} or interrupted by a {@linkplain #midStreamErrorAfterRows() mid-stream
 * error}. {@linkplain #headers() Headers} are added to whatever response is finally sent,
 * and its body is {@linkplain #trickleBytes() trickled} when asked.
 */
public final class Fault {

	static final Fault NONE = new Fault(null, null, null, Map.of(), Duration.ZERO, false, false, false, -1, 13,
			"mid-stream failure injected by MockWaveServer", 0, Duration.ZERO);

	private final @Nullable Integer status;

	private final @Nullable String body;

	private final @Nullable String contentType;

	private final Map<String, String> headers;

	private final Duration delay;

	private final boolean dropConnection;

	private final boolean html;

	private final boolean truncateJson;

	private final long midStreamErrorAfterRows;

	private final int midStreamErrorCode;

	private final String midStreamErrorMessage;

	private final int trickleBytes;

	private final Duration trickleInterval;

	private Fault(@Nullable Integer status, @Nullable String body, @Nullable String contentType,
			Map<String, String> headers, Duration delay, boolean dropConnection, boolean html, boolean truncateJson,
			long midStreamErrorAfterRows, int midStreamErrorCode, String midStreamErrorMessage, int trickleBytes,
			Duration trickleInterval) {
		this.status = status;
		this.body = body;
		this.contentType = contentType;
		this.headers = headers;
		this.delay = delay;
		this.dropConnection = dropConnection;
		this.html = html;
		this.truncateJson = truncateJson;
		this.midStreamErrorAfterRows = midStreamErrorAfterRows;
		this.midStreamErrorCode = midStreamErrorCode;
		this.midStreamErrorMessage = midStreamErrorMessage;
		this.trickleBytes = trickleBytes;
		this.trickleInterval = trickleInterval;
	}

	/**
	 * @return the replacement HTTP status, or {@code null} to keep the normal status
	 */
	public @Nullable Integer status() {
		return status;
	}

	/**
	 * @return the replacement body, or {@code null} for an endpoint-appropriate default
	 * error body
	 */
	public @Nullable String body() {
		return body;
	}

	/**
	 * @return the content type of {@link #body()}, or {@code null} for
	 * {@code application/json}
	 */
	public @Nullable String contentType() {

		return contentType;
	}

	/**
	 * @return extra response headers, e.g. {@code Retry-After}
	 */
	public Map<String, String> headers() {
		return headers;
	}

	/**
	 * @return the delay before anything is answered; {@link Duration#ZERO} for none
	 */
	public Duration delay() {
		return delay;
	}

	/**
	 * @return whether the connection is closed without any response
	 */
	public boolean dropConnection() {
		return dropConnection;
	}

	/**
	 * @return whether an HTML error page (as sent by a proxy or load balancer) replaces
	 * the response
	 */
	public boolean html() {
		return html;
	}

	/**
	 * @return whether the normal JSON response is cut off in the middle
	 */
	public boolean truncateJson() {
		return truncateJson;
	}

	/**
	 * @return number of stream rows sent before an {@code {"error":...}} line ends the
	 * stream; -1 for none
	 */
	public long midStreamErrorAfterRows() {
		return midStreamErrorAfterRows;
	}

	/**
	 * @return gRPC code of the mid-stream error line
	 */
	public int midStreamErrorCode() {
		return midStreamErrorCode;
	}

	/**
	 * @return message of the mid-stream error line
	 */
	public String midStreamErrorMessage() {
		return midStreamErrorMessage;
	}

	/**
	 * @return bytes written per chunk of a trickled body; 0 when the body is written at
	 * once
	 */
	public int trickleBytes() {
		return trickleBytes;
	}

	/**
	 * @return the pause before each chunk of a trickled body
	 */
	public Duration trickleInterval() {
		return trickleInterval;
	}

	/**
	 * @return whether this fault replaces the normal response entirely
	 */
	public boolean replacesResponse() {
		return status != null || html;
	}

	Fault withStatus(int newStatus, String newBody, String newContentType) {
		return new Fault(newStatus, newBody, newContentType, headers, delay, dropConnection, html, truncateJson,
				midStreamErrorAfterRows, midStreamErrorCode, midStreamErrorMessage, trickleBytes, trickleInterval);
	}

	Fault withHeader(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(headers);
		copy.put(name, value);
		return new Fault(status, body, contentType, Collections.unmodifiableMap(copy), delay, dropConnection, html,
				truncateJson, midStreamErrorAfterRows, midStreamErrorCode, midStreamErrorMessage, trickleBytes,
				trickleInterval);
	}

	Fault withDelay(Duration newDelay) {
		return new Fault(status, body, contentType, headers, newDelay, dropConnection, html, truncateJson,
				midStreamErrorAfterRows, midStreamErrorCode, midStreamErrorMessage, trickleBytes, trickleInterval);
	}

	Fault withDropConnection() {
		return new Fault(status, body, contentType, headers, delay, true, html, truncateJson, midStreamErrorAfterRows,
				midStreamErrorCode, midStreamErrorMessage, trickleBytes, trickleInterval);
	}

	Fault withHtml(int htmlStatus) {
		return new Fault(htmlStatus, body, "text/html; charset=utf-8", headers, delay, dropConnection, true,
				truncateJson, midStreamErrorAfterRows, midStreamErrorCode, midStreamErrorMessage, trickleBytes,
				trickleInterval);
	}

	Fault withTruncatedJson() {
		return new Fault(status, body, contentType, headers, delay, dropConnection, html, true, midStreamErrorAfterRows,
				midStreamErrorCode, midStreamErrorMessage, trickleBytes, trickleInterval);
	}

	Fault withMidStreamError(long afterRows, int code, String message) {
		return new Fault(status, body, contentType, headers, delay, dropConnection, html, truncateJson, afterRows, code,
				message, trickleBytes, trickleInterval);
	}

	Fault withTrickle(int bytes, Duration interval) {
		return new Fault(status, body, contentType, headers, delay, dropConnection, html, truncateJson,
				midStreamErrorAfterRows, midStreamErrorCode, midStreamErrorMessage, bytes, interval);
	}

	@Override
	public String toString() {
		StringBuilder sb = new StringBuilder("Fault[");
		if (!delay.isZero()) {
			sb.append("delay=").append(delay).append(' ');
		}
		if (dropConnection) {
			sb.append("dropConnection ");
		}
		if (html) {
			sb.append("html ");
		}
		if (status != null) {
			sb.append("status=").append(status).append(' ');
		}
		if (truncateJson) {
			sb.append("truncatedJson ");
		}
		if (midStreamErrorAfterRows >= 0) {
			sb.append("midStreamErrorAfter=").append(midStreamErrorAfterRows).append(' ');
		}
		if (trickleBytes > 0) {
			sb.append("trickle=").append(trickleBytes).append("B/").append(trickleInterval).append(' ');
		}
		if (!headers.isEmpty()) {
			sb.append("headers=").append(headers.keySet()).append(' ');
		}
		return sb.toString().trim() + "]";
	}

}
