package io.github.wavestarter.test.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Writes {@link WaveResponse}s. Streams are written in batches of lines, each batch one
 * heap buffer, pulled with backpressure, so arbitrarily long streams use constant memory.
 * Internal API.
 */
public final class ResponseWriter {

	private final int batchSize;

	/**
	 * @param batchSize stream lines per written chunk
	 */
	public ResponseWriter(int batchSize) {
		this.batchSize = Math.max(1, batchSize);
	}

	/** Writes {@code response}. */
	public Mono<Void> write(HttpServerResponse res, WaveResponse response) {
		return write(res, response, 0, Duration.ZERO);
	}

	/**
	 * Writes {@code response}, its body {@code trickleBytes} at a time with
	 * {@code trickleInterval} before each chunk when {@code trickleBytes > 0}.
	 */
	public Mono<Void> write(HttpServerResponse res, WaveResponse response, int trickleBytes, Duration trickleInterval) {
		response.headers().forEach(res::header);
		if (response instanceof WaveResponse.Unary unary) {
			res.status(HttpResponseStatus.valueOf(unary.status()));
			String contentType = unary.contentType();
			if (contentType != null) {
				res.header(HttpHeaderNames.CONTENT_TYPE, contentType);
			}
			res.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(unary.body().length));
			if (trickleBytes > 0) {
				return res.send(trickle(unary.body(), trickleBytes, trickleInterval), buf -> true).then();
			}
			return res.sendByteArray(Mono.just(unary.body())).then();
		}
		if (response instanceof WaveResponse.Chunks raw) {
			res.status(HttpResponseStatus.valueOf(raw.status()));
			res.header(HttpHeaderNames.CONTENT_TYPE, "application/json");
			Flux<ByteBuf> chunks = raw.chunks()
				.map(chunk -> chunk.getBytes(StandardCharsets.UTF_8))
				.concatMap(bytes -> trickleBytes > 0 ? trickle(bytes, trickleBytes, trickleInterval)
						: Mono.just(Unpooled.wrappedBuffer(bytes)));
			return res.send(chunks, buf -> true).then();
		}
		WaveResponse.Stream stream = (WaveResponse.Stream) response;
		res.status(HttpResponseStatus.OK);
		res.header(HttpHeaderNames.CONTENT_TYPE, "application/json");
		res.header("Grpc-Metadata-Content-Type", "application/grpc");
		boolean newline = stream.newlineTerminated();
		if (trickleBytes > 0) {
			Flux<ByteBuf> slow = stream.lines()
				.buffer(batchSize)
				.concatMap(batch -> trickle(toBytes(batch, newline), trickleBytes, trickleInterval));
			return res.send(slow, buf -> true).then();
		}
		Flux<ByteBuf> chunks = stream.lines()
			.buffer(batchSize)
			.map(batch -> Unpooled.wrappedBuffer(toBytes(batch, newline)));
		return res.send(chunks, buf -> true).then();
	}

	private static Flux<ByteBuf> trickle(byte[] body, int bytes, Duration interval) {
		return Flux.range(0, (body.length + bytes - 1) / bytes)
			.delayElements(interval)
			.map(i -> Unpooled.wrappedBuffer(body, i * bytes, Math.min(bytes, body.length - i * bytes)));
	}

	private static byte[] toBytes(List<String> lines, boolean newline) {
		int size = 0;
		for (String line : lines) {
			size += line.length() + 1;
		}
		StringBuilder sb = new StringBuilder(size);
		for (String line : lines) {
			sb.append(line);
			if (newline) {
				sb.append('\n');
			}
		}
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

}
