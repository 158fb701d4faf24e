package io.github.wavestarter.blue;

/**
 * The 17 canonical gRPC status codes ({@code google.rpc.Code}) used in Blue API error
 * bodies ({@code {"code":16,"message":"...","details":[...]}}).
 */
public enum GrpcCode {

	OK(0), CANCELLED(1), UNKNOWN(2), INVALID_ARGUMENT(3), DEADLINE_EXCEEDED(4), NOT_FOUND(5), ALREADY_EXISTS(6),
	PERMISSION_DENIED(7), RESOURCE_EXHAUSTED(8), FAILED_PRECONDITION(9), ABORTED(10), OUT_OF_RANGE(11),
	UNIMPLEMENTED(12), INTERNAL(13), UNAVAILABLE(14), DATA_LOSS(15), UNAUTHENTICATED(16);

	private static final GrpcCode[] BY_NUMBER = values();

	private final int number;

	GrpcCode(int number) {
		this.number = number;
	}

	/** The numeric gRPC code, e.g. {@code 16} for {@link #UNAUTHENTICATED}. */
	public int number() {
		return this.number;
	}

	/**
	 * Look up a code by number.
	 * @param number the numeric gRPC code
	 * @return the matching code, or {@link #UNKNOWN} for numbers outside {@code 0..16}
	 */
	public static GrpcCode fromNumber(int number) {
		return (number >= 0 && number < BY_NUMBER.length) ? BY_NUMBER[number] : UNKNOWN;
	}

	/**
	 * Best-effort gRPC code for an HTTP status when the body carries none (inverse of the
	 * grpc-gateway {@code HTTPStatusFromCode} mapping).
	 * @param httpStatus the HTTP status value
	 * @return the gRPC code
	 */
	public static GrpcCode fromHttpStatus(int httpStatus) {
		return switch (httpStatus) {
			case 200 -> OK;
			case 400 -> INVALID_ARGUMENT;
			case 401 -> UNAUTHENTICATED;
			case 403 -> PERMISSION_DENIED;
			case 404 -> NOT_FOUND;
			case 409 -> ABORTED;
			case 412 -> FAILED_PRECONDITION;
			case 429 -> RESOURCE_EXHAUSTED;
			case 499 -> CANCELLED;
			case 500 -> INTERNAL;
			case 501 -> UNIMPLEMENTED;
			case 503 -> UNAVAILABLE;
			case 504 -> DEADLINE_EXCEEDED;
			default -> UNKNOWN;
		};
	}

}
