package io.github.wavestarter.test.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Flux;

/** A response before it is written: unary body or line stream. Internal API. */
public sealed interface WaveResponse {

	/**
	 * @return extra headers
	 */
	Map<String, String> headers();

	/**
	 * @return a copy with additional headers
	 */
	WaveResponse withHeaders(Map<String, String> extra);

	/** Unary JSON response. */
	static Unary json(int status, String body) {
		return new Unary(status, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
	}

	/**
	 * A fully buffered response.
	 *
	 * @param status HTTP status
	 * @param contentType content type
	 * @param body body bytes
	 * @param headers extra headers
	 */
	record Unary(int status, String contentType, byte[] body, Map<String, String> headers) implements WaveResponse {
		@Override
		public Unary withHeaders(Map<String, String> extra) {
			return new Unary(status, contentType, body, merge(headers, extra));
		}
	}

	/**
	 * A chunked newline-delimited JSON stream (HTTP 200).
	 *
	 * @param lines the lines, without line terminator
	 * @param headers extra headers
	 * @param newlineTerminated whether each line gets a {@code \n} (false only for
	 * truncation faults)
	 */
	record Stream(Flux<String> lines, Map<String, String> headers, boolean newlineTerminated) implements WaveResponse {
		/** A normal stream of lines. */
		public static Stream of(Flux<String> lines) {
			return new Stream(lines, Map.of(), true);
		}

		@Override
		public Stream withHeaders(Map<String, String> extra) {
			return new Stream(lines, merge(headers, extra), newlineTerminated);
		}
	}

	private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
		if (b.isEmpty()) {
			return a;
		}
		Map<String, String> merged = new LinkedHashMap<>(a);
		merged.putAll(b);
		return merged;
	}

}
