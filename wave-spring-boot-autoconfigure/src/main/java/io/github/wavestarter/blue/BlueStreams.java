package io.github.wavestarter.blue;

import java.util.function.Function;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Decodes Blue API server-streaming responses (chunked, newline-delimited
 * {@code {"result":{...}}} / {@code {"error":{...}}} lines) into a {@code Flux<T>}.
 * <p>
 * Typical use with the {@code waveWebClient} bean: <pre class="code">
 * Flux&lt;CostItem&gt; rows = waveWebClient.post()
 *     .uri("/cost/v1/{vendor}/costs:read", "aws")
 *     .bodyValue(request)
 *     .exchangeToFlux(blueStreams.resultsOf(CostItem.class));
 * </pre> Semantics:
 * <ul>
 * <li>each {@code result} object is decoded into {@code T} (records, {@code JsonNode},
 * {@code Map}, ...); lines without {@code result}/{@code error} and blank lines are
 * skipped;</li>
 * <li>an {@code error} line terminates the Flux with a {@link BlueApiException} after the
 * rows that preceded it;</li>
 * <li>a non-2xx response fails with {@link BlueApiException} before any row;</li>
 * <li>lines may be split across network chunks; rows are decoded straight from the
 * network buffers, never buffering the body (memory is bounded by the chunk size plus the
 * longest line);</li>
 * <li>a line longer than the maximum line size fails with
 * {@link BlueStreamLimitException};</li>
 * <li>backpressure is honoured, and cancelling the subscription cancels the HTTP
 * exchange.</li>
 * </ul>
 * Instances are immutable and thread-safe. The auto-configuration exposes one configured
 * with the application's {@link JsonMapper} and {@code wave.stream.max-line-size}; the
 * static {@code defaults()} instance uses a default mapper (unknown properties ignored)
 * and a 16 MB limit.
 */
public final class BlueStreams {

	/** Default maximum size of one stream line: 16 MB. */
	public static final DataSize DEFAULT_MAX_LINE_SIZE = DataSize.ofMegabytes(16);

	/** Largest maximum size of one stream line: 2047 MB. */
	public static final DataSize MAX_LINE_SIZE = DataSize.ofMegabytes(2047);

	private static final int PREFETCH = 4;

	private static final BlueStreams DEFAULTS = new BlueStreams(BlueApiErrors.DEFAULT_MAPPER,
			DEFAULT_MAX_LINE_SIZE.toBytes());

	private final JsonMapper jsonMapper;

	private final int maxLineSize;

	private final ObjectReader treeReader;

	private BlueStreams(JsonMapper jsonMapper, long maxLineSize) {
		Assert.notNull(jsonMapper, "JsonMapper must not be null");
		Assert.isTrue(maxLineSize > 0 && maxLineSize <= MAX_LINE_SIZE.toBytes(),
				"maxLineSize must be between 1 byte and 2047 MB");
		this.jsonMapper = jsonMapper;
		this.maxLineSize = (int) maxLineSize;
		this.treeReader = reader(JsonNode.class);
	}

	/**
	 * Create an instance.
	 * @param jsonMapper mapper used to decode rows and errors
	 * @param maxLineSize maximum size of a single line
	 * @return the instance
	 */
	public static BlueStreams create(JsonMapper jsonMapper, DataSize maxLineSize) {
		return new BlueStreams(jsonMapper, maxLineSize.toBytes());
	}

	/** Shared instance with a default mapper and {@link #DEFAULT_MAX_LINE_SIZE}. */
	public static BlueStreams defaults() {
		return DEFAULTS;
	}

	/**
	 * Shortcut for {@code defaults().resultsOf(type)}; prefer the auto-configured
	 * {@code BlueStreams} bean so the application's mapper and limit are used.
	 * @param <T> the row type
	 * @param type the row type
	 * @return a function for {@code exchangeToFlux}
	 */
	public static <T> Function<ClientResponse, Flux<T>> results(Class<T> type) {
		return DEFAULTS.resultsOf(type);
	}

	/** The mapper used by this instance. */
	public JsonMapper getJsonMapper() {
		return this.jsonMapper;
	}

	/** The maximum line size in bytes. */
	public long getMaxLineSize() {
		return this.maxLineSize;
	}

	/**
	 * A function for {@code WebClient...exchangeToFlux(...)} that maps a non-2xx response
	 * to {@link BlueApiException} and otherwise decodes the stream.
	 * @param <T> the row type
	 * @param type the row type
	 * @return the response handler
	 */
	public <T> Function<ClientResponse, Flux<T>> resultsOf(Class<T> type) {
		return resultsOf(this.jsonMapper.constructType(type));
	}

	/**
	 * Generic variant of {@link #resultsOf(Class)}, e.g. for {@code Map<String, Object>}.
	 * @param <T> the row type
	 * @param type the row type
	 * @return the response handler
	 */
	public <T> Function<ClientResponse, Flux<T>> resultsOf(ParameterizedTypeReference<T> type) {
		return resultsOf(this.jsonMapper.constructType(type.getType()));
	}

	<T> Function<ClientResponse, Flux<T>> resultsOf(JavaType type) {
		ObjectReader reader = reader(type);
		return (response) -> {
			if (!response.statusCode().is2xxSuccessful()) {
				return BlueApiErrors.fromResponse(response, this.jsonMapper).flatMapMany(Flux::error);
			}
			return decode(response.body(BodyExtractors.toDataBuffers()), reader);
		};
	}

	/**
	 * Decode a raw body, e.g. from {@code retrieve().bodyToFlux(DataBuffer.class)} (with
	 * {@link BlueApiErrors#register} for status mapping). The decoder takes ownership of
	 * the buffers and releases them.
	 * @param <T> the row type
	 * @param body the response body
	 * @param type the row type
	 * @return the rows
	 */
	public <T> Flux<T> decode(Publisher<DataBuffer> body, Class<T> type) {
		return decode(body, reader(type));
	}

	/**
	 * Generic variant of {@link #decode(Publisher, Class)}.
	 * @param <T> the row type
	 * @param body the response body
	 * @param type the row type
	 * @return the rows
	 */
	public <T> Flux<T> decode(Publisher<DataBuffer> body, ParameterizedTypeReference<T> type) {
		return decode(body, reader(this.jsonMapper.constructType(type.getType())));
	}

	/**
	 * A transformer for {@code Flux.transform}:
	 * {@code retrieve().bodyToFlux(DataBuffer.class).transform(blueStreams.decoder(Account.class))}.
	 * @param <T> the row type
	 * @param type the row type
	 * @return the transformer
	 */
	public <T> Function<Flux<DataBuffer>, Flux<T>> decoder(Class<T> type) {
		ObjectReader reader = reader(type);
		return (body) -> decode(body, reader);
	}

	private ObjectReader reader(JavaType type) {
		return this.jsonMapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	private ObjectReader reader(Class<?> type) {
		return reader(this.jsonMapper.constructType(type));
	}

	@SuppressWarnings("unchecked")
	<T> Flux<T> decode(Publisher<DataBuffer> body, ObjectReader reader) {
		return Flux.defer(() -> {
			NdjsonLineDecoder decoder = new NdjsonLineDecoder(this.jsonMapper, reader, this.treeReader,
					this.maxLineSize);
			return Flux.from(body)
				.concatMapIterable(decoder::decode, PREFETCH)
				.concatWith(Flux.defer(() -> Flux.fromIterable(decoder.finish())))
				.doOnDiscard(DataBuffer.class, DataBufferUtils::release)
				.handle((item, sink) -> {
					if (item instanceof NdjsonLineDecoder.Failure failure) {
						sink.error(failure.exception());
					}
					else {
						sink.next((T) item);
					}
				});
		});
	}

}
