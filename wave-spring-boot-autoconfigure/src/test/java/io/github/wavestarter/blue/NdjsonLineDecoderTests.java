package io.github.wavestarter.blue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The chunk-boundary arithmetic of {@link NdjsonLineDecoder}, through
 * {@link BlueStreams#decode}: lines at the size limit and one byte over it, wherever the
 * network cuts them, several lines in one chunk, a carried line that outgrows the carry
 * buffer at once, and blank text at the end of a stream.
 */
class NdjsonLineDecoderTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	record Row(int n, String name) {
	}

	private final NettyDataBufferFactory factory = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

	@Test
	void aLineExactlyAtTheLimitIsAcceptedWhereverItIsCut() {
		String line = row(1, 30);
		BlueStreams streams = limitedTo(size(line));
		byte[] bytes = bytes(row(0, 0) + "\n" + line + "\n" + row(2, 0) + "\n");
		for (int cut = 0; cut <= bytes.length; cut++) {
			assertThat(decode(streams, bytes, cut)).as("cut %d", cut)
				.containsExactly(new Row(0, ""), new Row(1, "x".repeat(30)), new Row(2, ""));
		}
	}

	@Test
	void aLineOneByteOverTheLimitFailsWithItsLineNumberWhereverItIsCut() {
		String line = row(1, 30);
		BlueStreams streams = limitedTo(size(line) - 1);
		byte[] bytes = bytes(row(0, 0) + "\n" + line + "\n" + row(2, 0) + "\n");
		for (int cut = 0; cut <= bytes.length; cut++) {
			List<DataBuffer> buffers = split(bytes, cut);
			BlueStreamLimitException failure = catchThrowableOfType(BlueStreamLimitException.class,
					() -> streams.decode(Flux.fromIterable(buffers), Row.class).collectList().block(BLOCK));
			assertThat(failure).as("cut %d", cut).isNotNull();
			assertThat(failure.getMaxLineSize()).isEqualTo(size(line) - 1);
			assertThat(failure.getApiMessage()).as("cut %d", cut).startsWith("Line 2 of the Blue API stream");
		}
	}

	@Test
	void aLineOverTheLimitFailsBeforeItsEndArrives() {
		BlueStreams streams = limitedTo(size(row(0, 0)) + 5);
		// the second line is already over the limit in its first chunk, which has no
		// newline; the chunk with the end of the line never comes
		List<DataBuffer> buffers = List.of(this.factory.wrap(bytes(row(0, 0) + "\n" + row(1, 30))));
		BlueStreamLimitException failure = catchThrowableOfType(BlueStreamLimitException.class,
				() -> streams.decode(Flux.concat(Flux.fromIterable(buffers), Flux.never()), Row.class)
					.collectList()
					.block(BLOCK));
		assertThat(failure.getApiMessage()).startsWith("Line 2 of the Blue API stream");
	}

	@Test
	void severalLinesAtTheLimitInOneChunkAreAllAccepted() {
		String line = row(1, 30);
		BlueStreams streams = limitedTo(size(line));
		byte[] bytes = bytes(line + "\n" + line + "\n" + line + "\n");
		assertThat(decode(streams, bytes)).hasSize(3).containsOnly(new Row(1, "x".repeat(30)));
	}

	@Test
	void aLongLineIsReassembledWhereverItIsCut() {
		// longer than the initial carry buffer, so that the tail may outgrow it at once
		String name = "x".repeat(3000);
		byte[] bytes = bytes(row(7, 3000) + "\n");
		for (int cut = 1; cut < bytes.length; cut += 7) {
			assertThat(decode(BlueStreams.defaults(), bytes, cut)).as("cut %d", cut).containsExactly(new Row(7, name));
		}
	}

	@Test
	void aLongLineIsReassembledFromAShortHeadAndALongTail() {
		String name = "y".repeat(5000);
		byte[] bytes = bytes(row(0, 0) + "\n" + "{\"result\":{\"n\":1,\"name\":\"" + name + "\"}}\n");
		int headEnd = size(row(0, 0)) + 1 + 10;
		assertThat(decode(BlueStreams.defaults(), bytes, headEnd, headEnd + 2000, bytes.length - 1))
			.containsExactly(new Row(0, ""), new Row(1, name));
	}

	@Test
	void blankTextAfterTheLastNewlineEndsTheStreamCleanly() {
		for (String tail : new String[] { " ", "  \t ", "\r", " \r\n ", "\t\t" }) {
			byte[] bytes = bytes(row(1, 0) + "\n" + tail);
			for (int cut = 0; cut <= bytes.length; cut++) {
				assertThat(decode(BlueStreams.defaults(), bytes, cut)).as("tail %s, cut %d", tail.length(), cut)
					.containsExactly(new Row(1, ""));
			}
		}
	}

	@Test
	void aBlankLineCarriedAfterALongerOneYieldsNothing() {
		// the carry buffer still holds the end of the longer line behind the blank one
		byte[] bytes = bytes(row(1, 40) + "\n" + "   \n" + row(2, 0) + "\n");
		int blankStart = size(row(1, 40)) + 1;
		assertThat(decode(BlueStreams.defaults(), bytes, 10, blankStart + 1))
			.containsExactly(new Row(1, "x".repeat(40)), new Row(2, ""));
		assertThat(decode(BlueStreams.defaults(), bytes(row(1, 40) + "\n" + "  "), 10, blankStart + 1))
			.containsExactly(new Row(1, "x".repeat(40)));
	}

	@Test
	void malformedLinesAreNamedByTheirNumberAcrossChunks() {
		byte[] bytes = bytes(row(1, 0) + "\n\n" + row(2, 0) + "\n{\"result\":{\"n\":\n");
		for (int cut = 0; cut <= bytes.length; cut++) {
			List<DataBuffer> buffers = split(bytes, cut);
			BlueApiException failure = catchThrowableOfType(BlueApiException.class,
					() -> BlueStreams.defaults()
						.decode(Flux.fromIterable(buffers), Row.class)
						.collectList()
						.block(BLOCK));
			assertThat(failure).as("cut %d", cut).isNotNull();
			assertThat(failure.getGrpcCode()).isEqualTo(GrpcCode.DATA_LOSS);
			assertThat(failure.getApiMessage()).as("cut %d", cut).startsWith("Cannot decode line 4 of");
		}
	}

	/** {@code {"result":{"n":n,"name":"xxx"}}} with {@code x} repeated. */
	private static String row(int n, int x) {
		return "{\"result\":{\"n\":" + n + ",\"name\":\"" + "x".repeat(x) + "\"}}";
	}

	private static int size(String text) {
		return bytes(text).length;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static BlueStreams limitedTo(int bytes) {
		return BlueStreams.create(JsonMapper.builder().build(), DataSize.ofBytes(bytes));
	}

	private List<Row> decode(BlueStreams streams, byte[] bytes, int... cuts) {
		return streams.decode(Flux.fromIterable(split(bytes, cuts)), Row.class).collectList().block(BLOCK);
	}

	private List<DataBuffer> split(byte[] bytes, int... cuts) {
		List<DataBuffer> buffers = new ArrayList<>();
		int start = 0;
		for (int cut : cuts) {
			buffers.add(this.factory.wrap(Arrays.copyOfRange(bytes, start, cut)));
			start = cut;
		}
		buffers.add(this.factory.wrap(Arrays.copyOfRange(bytes, start, bytes.length)));
		return buffers;
	}

}
