package io.github.wavestarter.blue;

import java.time.Duration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Deterministic chunk-boundary tests of the decoder without HTTP. */
class BlueStreamsDecodeTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	record Row(int n, String name) {
	}

	private static final String PAYLOAD = "{\"result\":{\"n\":1,\"name\":\"a\\nb \\u00e9\"}}\n"
			+ "{\"result\":{\"n\":2,\"name\":\"日本\"}}\r\n\n" + "{\"result\":{\"n\":3,\"name\":\"c\"}}\n";

	private final NettyDataBufferFactory factory = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

	private List<DataBuffer> split(byte[] bytes, int... cuts) {
		List<DataBuffer> buffers = new ArrayList<>();
		int start = 0;
		for (int cut : cuts) {
			buffers.add(this.factory.wrap(java.util.Arrays.copyOfRange(bytes, start, cut)));
			start = cut;
		}
		buffers.add(this.factory.wrap(java.util.Arrays.copyOfRange(bytes, start, bytes.length)));
		return buffers;
	}

	@Test
	void everySplitPositionYieldsTheSameRowsAndReleasesBuffers() {
		byte[] bytes = PAYLOAD.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i <= bytes.length; i++) {
			for (int j = i; j <= bytes.length; j += 5) {
				List<DataBuffer> buffers = split(bytes, i, j);
				List<Row> rows = BlueStreams.defaults()
					.decode(Flux.fromIterable(buffers), Row.class)
					.collectList()
					.block(BLOCK);
				assertThat(rows).as("cuts %d,%d", i, j)
					.containsExactly(new Row(1, "a\nb é"), new Row(2, "日本"), new Row(3, "c"));
				// empty buffers are the shared Unpooled.EMPTY_BUFFER whose refCnt never
				// drops
				assertThat(buffers).filteredOn((b) -> b.capacity() > 0)
					.allSatisfy((b) -> assertThat(((NettyDataBuffer) b).getNativeBuffer().refCnt()).isZero());
			}
		}
	}

	@Test
	void oneByteBuffers() {
		byte[] bytes = PAYLOAD.getBytes(StandardCharsets.UTF_8);
		int[] cuts = new int[bytes.length - 1];
		for (int i = 0; i < cuts.length; i++) {
			cuts[i] = i + 1;
		}
		StepVerifier.create(BlueStreams.defaults().decode(Flux.fromIterable(split(bytes, cuts)), Row.class))
			.expectNextCount(3)
			.verifyComplete();
	}

	@Test
	void malformedLineFailsWithDataLossAfterPriorRows() {
		byte[] bytes = "{\"result\":{\"n\":1}}\n{\"result\":{\"n\":\n".getBytes(StandardCharsets.UTF_8);
		StepVerifier.create(BlueStreams.defaults().decode(Flux.fromIterable(split(bytes)), Row.class))
			.expectNext(new Row(1, null))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(BlueApiException.class)
				.hasMessageContaining("line 2")
				.extracting((e) -> ((BlueApiException) e).getGrpcCode())
				.isEqualTo(GrpcCode.DATA_LOSS))
			.verify();
	}

	@Test
	void nonObjectLineFails() {
		byte[] bytes = "[1,2]\n".getBytes(StandardCharsets.UTF_8);
		StepVerifier.create(BlueStreams.defaults().decode(Flux.fromIterable(split(bytes)), Row.class))
			.expectError(BlueApiException.class)
			.verify();
	}

	@Test
	void errorLineMidChunkKeepsEarlierRowsOfSameChunkAndReleasesLaterBuffers() {
		byte[] bytes = ("{\"result\":{\"n\":1}}\n{\"result\":{\"n\":2}}\n{\"error\":{\"code\":99,\"message\":\"boom\"}}\n"
				+ "{\"result\":{\"n\":3}}\n")
			.getBytes(StandardCharsets.UTF_8);
		StepVerifier.create(BlueStreams.defaults().decode(Flux.fromIterable(split(bytes)), Row.class))
			.expectNext(new Row(1, null), new Row(2, null))
			.expectErrorSatisfies((ex) -> {
				BlueApiException bae = (BlueApiException) ex;
				assertThat(bae.getGrpcCode()).isEqualTo(GrpcCode.UNKNOWN);
				assertThat(bae.getRawCode()).isEqualTo(99);
			})
			.verify();
	}

	@Test
	void lineExactlyAtLimitIsAcceptedOneMoreByteIsNot() {
		String line = "{\"result\":{\"n\":7,\"name\":\"xxxxxxxxxx\"}}";
		int size = line.getBytes(StandardCharsets.UTF_8).length;
		BlueStreams exact = BlueStreams.create(JsonMapper.builder().build(), DataSize.ofBytes(size));
		BlueStreams smaller = BlueStreams.create(JsonMapper.builder().build(), DataSize.ofBytes(size - 1));
		byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
		StepVerifier.create(exact.decode(Flux.fromIterable(split(bytes, 10)), Row.class))
			.expectNextCount(1)
			.verifyComplete();
		StepVerifier.create(exact.decode(Flux.fromIterable(split(bytes)), Row.class))
			.expectNextCount(1)
			.verifyComplete();
		StepVerifier.create(smaller.decode(Flux.fromIterable(split(bytes, 10)), Row.class))
			.expectError(BlueStreamLimitException.class)
			.verify();
		StepVerifier.create(smaller.decode(Flux.fromIterable(split(bytes)), Row.class))
			.expectError(BlueStreamLimitException.class)
			.verify();
	}

	@Test
	void lastLineWithoutNewlineIsDecodedAtTheEnd() {
		byte[] bytes = "{\"result\":{\"n\":1}}\n{\"result\":{\"n\":2}}".getBytes(StandardCharsets.UTF_8);
		for (int cut = 0; cut <= bytes.length; cut++) {
			List<Row> rows = BlueStreams.defaults()
				.decode(Flux.fromIterable(split(bytes, cut)), Row.class)
				.collectList()
				.block(BLOCK);
			assertThat(rows).as("cut %d", cut).containsExactly(new Row(1, null), new Row(2, null));
		}
	}

	@Test
	void malformedLastLineWithoutNewlineNamesItsLine() {
		byte[] bytes = "{\"result\":{\"n\":1}}\n{\"result\":".getBytes(StandardCharsets.UTF_8);
		StepVerifier.create(BlueStreams.defaults().decode(Flux.fromIterable(split(bytes, 25)), Row.class))
			.expectNext(new Row(1, null))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isExactlyInstanceOf(BlueApiException.class).hasMessageContaining("line 2 "))
			.verify();
	}

	@Test
	void lineLongerThanTheCarryBufferIsReassembledFromManyChunks() {
		String name = "x".repeat(5000);
		byte[] bytes = ("{\"result\":{\"n\":1,\"name\":\"" + name + "\"}}\n{\"result\":{\"n\":2}}\n")
			.getBytes(StandardCharsets.UTF_8);
		int[] cuts = new int[bytes.length / 100];
		for (int i = 0; i < cuts.length; i++) {
			cuts[i] = (i + 1) * 100;
		}
		List<DataBuffer> buffers = split(bytes, cuts);
		List<Row> rows = BlueStreams.defaults()
			.decode(Flux.fromIterable(buffers), Row.class)
			.collectList()
			.block(BLOCK);
		assertThat(rows).containsExactly(new Row(1, name), new Row(2, null));
		assertThat(buffers).filteredOn((b) -> b.capacity() > 0)
			.allSatisfy((b) -> assertThat(((NettyDataBuffer) b).getNativeBuffer().refCnt()).isZero());
	}

	@Test
	void chunkLargerThanTheScratchBufferIsDecoded() {
		StringBuilder payload = new StringBuilder();
		for (int n = 0; n < 2000; n++) {
			payload.append("{\"result\":{\"n\":").append(n).append("}}\n");
		}
		byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
		assertThat(bytes.length).isGreaterThan(2 * 16 * 1024);
		List<Row> rows = BlueStreams.defaults()
			.decode(Flux.fromIterable(split(bytes, 100)), Row.class)
			.collectList()
			.block(BLOCK);
		assertThat(rows).hasSize(2000).extracting(Row::n).startsWith(0, 1).endsWith(1998, 1999);
	}

	@Test
	void carriedLineOverTheLimitFailsWithItsLineNumber() {
		String line = "{\"result\":{\"n\":7,\"name\":\"xxxxxxxxxx\"}}";
		int size = line.getBytes(StandardCharsets.UTF_8).length;
		BlueStreams limited = BlueStreams.create(JsonMapper.builder().build(), DataSize.ofBytes(size));
		byte[] bytes = (line + "\n" + line + "xx\n").getBytes(StandardCharsets.UTF_8);
		List<DataBuffer> buffers = split(bytes, size + 5, size + 20);
		StepVerifier.create(limited.decode(Flux.fromIterable(buffers), Row.class))
			.expectNext(new Row(7, "xxxxxxxxxx"))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(BlueStreamLimitException.class, (limit) -> {
						assertThat(limit.getMaxLineSize()).isEqualTo(size);
						assertThat(limit.getApiMessage()).startsWith("Line 2 of the Blue API stream");
					}))
			.verify();
		assertThat(buffers).filteredOn((b) -> b.capacity() > 0)
			.allSatisfy((b) -> assertThat(((NettyDataBuffer) b).getNativeBuffer().refCnt()).isZero());
	}

	@Test
	void whitespaceLinesNullResultsAndOtherFieldsYieldNoRows() {
		byte[] bytes = (" \t \r\n" + "{\"result\":null}\n" + "{\"error\":null,\"meta\":{\"a\":[1,{\"b\":2}]},"
				+ "\"result\":{\"n\":1}}\n" + "{}\n" + "{\"result\":{\"n\":2}}\n")
			.getBytes(StandardCharsets.UTF_8);
		StepVerifier.create(BlueStreams.defaults().decode(Flux.fromIterable(split(bytes)), Row.class))
			.expectNext(new Row(1, null), new Row(2, null))
			.verifyComplete();
	}

	@Test
	void buffersAfterAFailureAreReleasedAndIgnored() {
		byte[] bytes = "{\"error\":{\"code\":5,\"message\":\"gone\"}}\n{\"result\":{\"n\":1}}\n"
			.getBytes(StandardCharsets.UTF_8);
		List<DataBuffer> buffers = split(bytes, 10, 47);
		StepVerifier.create(BlueStreams.defaults().decode(Flux.fromIterable(buffers), Row.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(BlueApiException.class, (failure) -> {
				assertThat(failure.getGrpcCode()).isEqualTo(GrpcCode.NOT_FOUND);
				assertThat(failure.getApiMessage()).isEqualTo("gone");
				assertThat(failure.getMessage()).contains("stream line 1");
			}))
			.verify();
		assertThat(buffers).filteredOn((b) -> b.capacity() > 0)
			.allSatisfy((b) -> assertThat(((NettyDataBuffer) b).getNativeBuffer().refCnt()).isZero());
	}

	@Test
	void invalidLimitRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BlueStreams.create(JsonMapper.builder().build(), DataSize.ofBytes(0)));
	}

}
