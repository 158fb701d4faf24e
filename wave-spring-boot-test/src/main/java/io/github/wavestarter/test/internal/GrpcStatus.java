package io.github.wavestarter.test.internal;

/** gRPC status codes and the grpc-gateway HTTP mapping. Internal API. */
public final class GrpcStatus {

	public static final int INVALID_ARGUMENT = 3;

	public static final int NOT_FOUND = 5;

	public static final int PERMISSION_DENIED = 7;

	public static final int RESOURCE_EXHAUSTED = 8;

	public static final int FAILED_PRECONDITION = 9;

	public static final int UNIMPLEMENTED = 12;

	public static final int INTERNAL = 13;

	public static final int UNAVAILABLE = 14;

	public static final int UNAUTHENTICATED = 16;

	private GrpcStatus() {
	}

	/** grpc-gateway's {@code HTTPStatusFromCode}. */
	public static int httpStatusOf(int grpcCode) {
		return switch (grpcCode) {
			case 0 -> 200;
			case 1 -> 499;
			case 3, 9, 11 -> 400;
			case 4 -> 504;
			case 5 -> 404;
			case 6, 10 -> 409;
			case 7 -> 403;
			case 8 -> 429;
			case 12 -> 501;
			case 14 -> 503;
			case 16 -> 401;
			default -> 500;
		};
	}

	/** Best gRPC code for an HTTP status, used for default fault bodies. */
	public static int codeOfHttpStatus(int httpStatus) {
		return switch (httpStatus) {
			case 400 -> 3;
			case 401 -> 16;
			case 403 -> 7;
			case 404 -> 5;
			case 409 -> 10;
			case 429 -> 8;
			case 499 -> 1;
			case 501 -> 12;
			case 503 -> 14;
			case 504 -> 4;
			default -> httpStatus >= 500 ? 13 : 2;
		};
	}

	/**
	 * @return {@code {"code":..,"message":..,"details":[]}}
	 */
	public static String body(int grpcCode, String message) {
		return "{\"code\":" + grpcCode + ",\"message\":" + Json.quote(message) + ",\"details\":[]}";
	}

	/**
	 * @return a unary grpc-gateway error response
	 */
	public static WaveResponse error(int grpcCode, String message) {
		return WaveResponse.json(httpStatusOf(grpcCode), body(grpcCode, message));
	}

	/**
	 * @return the stream line {@code {"error":{...}}}
	 */
	public static String streamErrorLine(int grpcCode, String message) {
		return "{\"error\":" + body(grpcCode, message) + "}";
	}

}
