package io.github.wavestarter.test.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * A response before it is written: unary body, line stream or raw chunks. Internal API.
 */
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
	 * @param contentType content type, or {@code null} for none
	 * @param body body bytes
	 * @param headers extra headers
	 */
	record Unary(int status, @Nullable String contentType, byte[] body,
			Map<String, String> headers) implements WaveResponse {
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

	/**
	 * A chunked response whose chunks are written as published, one flush each.
	 *
	 * @param status HTTP status
	 * @param chunks the chunks (UTF-8 text)
	 * @param headers extra headers
	 */
	record Chunks(int status, Flux<String> chunks, Map<String, String> headers) implements WaveResponse {
		@Override
		public Chunks withHeaders(Map<String, String> extra) {
			return new Chunks(status, chunks, merge(headers, extra));
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
