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
	void invalidLimitRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BlueStreams.create(JsonMapper.builder().build(), DataSize.ofBytes(0)));
	}

}
