package io.github.wavestarter.test.stub;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * What a stubbed Blue API endpoint answers: a unary JSON response, a grpc-gateway error,
 * a stream of result objects, or raw text (a body or chunks) that is not checked at all.
 */
public sealed interface StubbedResponse {

	/**
	 * A unary response.
	 *
	 * @param status HTTP status
	 * @param jsonBody JSON body
	 */
	record Unary(int status, String jsonBody) implements StubbedResponse {
	}

	/**
	 * A grpc-gateway error: the HTTP status that corresponds to the gRPC code and
	 * {@code {"code":...,"message":...,"details":[]}}.
	 *
	 * @param grpcCode gRPC status code
	 * @param message error message
	 */
	record GrpcError(int grpcCode, String message) implements StubbedResponse {
	}

	/**
	 * A grpc-gateway server stream: every element becomes one
	 * {@code {"result":<element>}} line.
	 *
	 * @param resultsJson JSON text of each result object
	 */
	record Stream(List<String> resultsJson) implements StubbedResponse {

		/** Copies the list. */
		public Stream {
			resultsJson = List.copyOf(resultsJson);
		}
	}

	/**
	 * A unary response written exactly as given, not checked: an error page, broken JSON,
	 * an empty body.
	 *
	 * @param status HTTP status
	 * @param contentType the {@code Content-Type}, or {@code null} for none
	 * @param body the body text (UTF-8)
	 */
	record Raw(int status, @Nullable String contentType, String body) implements StubbedResponse {

		/** Checks the body. */
		public Raw {
			Objects.requireNonNull(body, "body");
		}
	}

	/**
	 * A chunked {@code application/json} response whose body is written one HTTP chunk
	 * per published element, as it is published, with no framing added: lines split
	 * across chunks, pauses, endless streams.
	 *
	 * @param status HTTP status
	 * @param chunks a new publisher of the chunks for every request
	 */
	record Chunked(int status, Supplier<? extends Publisher<String>> chunks) implements StubbedResponse {

		/** Checks the supplier. */
		public Chunked {
			Objects.requireNonNull(chunks, "chunks");
		}
	}

}
