package io.github.wavestarter.test.internal;

import io.github.wavestarter.test.fault.Fault;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/** Turns a {@link Fault} into behaviour on the wire. Internal API. */
public final class FaultApplier {

	private static final String HTML_TEMPLATE = "<html>\r\n<head><title>%1$s</title></head>\r\n"
			+ "<body>\r\n<center><h1>%1$s</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

	private final ResponseWriter writer;

	/**
	 * @param writer the writer used for every response
	 */
	public FaultApplier(ResponseWriter writer) {
		this.writer = writer;
	}

	/**
	 * Answers a request, applying {@code fault} if not {@code null}.
	 * @param normal produces the normal response (only called when needed)
	 * @param defaultErrorBody error body for a status-only fault
	 */
	public Mono<Void> respond(HttpServerResponse res, @Nullable Fault fault, Supplier<WaveResponse> normal,
			IntFunction<String> defaultErrorBody) {
		if (fault == null) {
			return Mono.defer(() -> writer.write(res, normal.get()));
		}
		Mono<Void> action = Mono.defer(() -> {
			if (fault.dropConnection()) {
				return drop(res);
			}
			WaveResponse response;
			if (fault.html()) {
				response = new WaveResponse.Unary(fault.status(), fault.contentType(),
						(fault.body() != null ? fault.body()
								: String.format(HTML_TEMPLATE,
										io.netty.handler.codec.http.HttpResponseStatus.valueOf(fault.status())))
							.getBytes(StandardCharsets.UTF_8),
						java.util.Map.of());
			}
			else if (fault.status() != null) {
				String body = fault.body() != null ? fault.body() : defaultErrorBody.apply(fault.status());
				String contentType = fault.contentType() != null ? fault.contentType() : "application/json";
				response = new WaveResponse.Unary(fault.status(), contentType, body.getBytes(StandardCharsets.UTF_8),
						java.util.Map.of());
			}
			else {
				response = normal.get();
				if (fault.midStreamErrorAfterRows() >= 0 && response instanceof WaveResponse.Stream stream) {
					response = new WaveResponse.Stream(stream.lines()
						.take(fault.midStreamErrorAfterRows())
						.concatWith(Mono.just(
								GrpcStatus.streamErrorLine(fault.midStreamErrorCode(), fault.midStreamErrorMessage()))),
							stream.headers(), true);
				}
				if (fault.truncateJson()) {
					response = truncate(response);
				}
			}
			return writer.write(res, response.withHeaders(fault.headers()), fault.trickleBytes(),
					fault.trickleInterval());
		});
		return fault.delay().isZero() ? action : Mono.delay(fault.delay()).then(action);
	}

	private static WaveResponse truncate(WaveResponse response) {
		if (response instanceof WaveResponse.Unary unary) {
			int keep = Math.max(1, unary.body().length / 2);
			return new WaveResponse.Unary(unary.status(), unary.contentType(),
					Arrays.copyOf(unary.body(), Math.min(keep, Math.max(0, unary.body().length - 1))), unary.headers());
		}
		if (response instanceof WaveResponse.Chunks raw) {
			return new WaveResponse.Chunks(raw.status(),
					raw.chunks().take(1).map(chunk -> chunk.substring(0, chunk.length() / 2)), raw.headers());
		}
		WaveResponse.Stream stream = (WaveResponse.Stream) response;
		return new WaveResponse.Stream(stream.lines().take(1).map(line -> line.substring(0, line.length() / 2)),
				stream.headers(), false);
	}

	private static Mono<Void> drop(HttpServerResponse res) {
		return Mono.create(sink -> res
			.withConnection(connection -> connection.channel().close().addListener(f -> sink.success())));
	}

}
