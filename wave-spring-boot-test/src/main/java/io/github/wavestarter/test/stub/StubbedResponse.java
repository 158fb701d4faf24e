package io.github.wavestarter.test.stub;

import java.util.List;

/**
 * What a stubbed Blue API endpoint answers: a unary JSON response, a grpc-gateway error
 * or a stream of result objects.
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

}
