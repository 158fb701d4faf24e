package io.github.wavestarter.blue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
import org.springframework.http.client.ClientHttpResponse;
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
		return Defaults.INSTANCE;
	}

	/**
	 * Shortcut for {@code defaults().resultsOf(type)}; prefer the auto-configured
	 * {@code BlueStreams} bean so the application's mapper and limit are used.
	 * @param <T> the row type
	 * @param type the row type
	 * @return a function for {@code exchangeToFlux}
	 */
	public static <T> Function<ClientResponse, Flux<T>> results(Class<T> type) {
		return Defaults.INSTANCE.resultsOf(type);
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

	/**
	 * Reads a Blue stream from a blocking {@code RestClient} answer into a lazy
	 * {@link Stream}: rows are decoded as the stream is consumed, from a buffer of one
	 * network read, so memory stays flat however many rows there are. A non-2xx answer
	 * fails at once with a {@link BlueApiException}; an {@code error} line fails the
	 * stream (after the rows before it) with a {@link BlueApiException}; a line longer
	 * than the maximum line size with a {@link BlueStreamLimitException}. Closing the
	 * stream closes the answer: use it in a try-with-resources, with
	 * {@code exchange(..., false)} so that the client leaves the answer open:
	 * <pre class="code">
	 * try (Stream&lt;CostItem&gt; rows = waveRestClient.post().uri("/cost/v1/{vendor}/costs:read", "aws")
	 *         .body(request)
	 *         .exchange((req, res) -&gt; blueStreams.stream(res, CostItem.class), false)) {
	 *     rows.forEach(this::process);
	 * }
	 * </pre>
	 * @param <T> the row type
	 * @param response the answer, which the stream owns from now on
	 * @param type the row type
	 * @return the rows
	 * @throws IOException when the answer cannot be read
	 */
	public <T> Stream<T> stream(ClientHttpResponse response, Class<T> type) throws IOException {
		if (!response.getStatusCode().is2xxSuccessful()) {
			try (response) {
				throw BlueApiErrors.fromResponse(response, null, this.jsonMapper);
			}
		}
		NdjsonLineDecoder decoder = new NdjsonLineDecoder(this.jsonMapper, reader(type), this.treeReader,
				this.maxLineSize);
		InputStream body = response.getBody();
		return StreamSupport.stream(new Rows<>(decoder, body, type), false).onClose(response::close);
	}

	/** The rows of a blocking body, decoded one network read at a time. */
	private static final class Rows<T> extends Spliterators.AbstractSpliterator<T> {

		private final NdjsonLineDecoder decoder;

		private final InputStream body;

		private final Class<T> type;

		private final Deque<Object> pending = new ArrayDeque<>();

		private boolean finished;

		Rows(NdjsonLineDecoder decoder, InputStream body, Class<T> type) {
			super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
			this.decoder = decoder;
			this.body = body;
			this.type = type;
		}

		@Override
		public boolean tryAdvance(Consumer<? super T> action) {
			while (this.pending.isEmpty()) {
				if (this.finished) {
					return false;
				}
				List<Object> items;
				try {
					items = this.decoder.decode(this.body);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("The Blue API stream could not be read", ex);
				}
				if (items == null) {
					items = this.decoder.finish();
					this.finished = true;
				}
				this.pending.addAll(items);
			}
			Object item = this.pending.poll();
			if (item instanceof NdjsonLineDecoder.Failure failure) {
				this.pending.clear();
				this.finished = true;
				throw failure.exception();
			}
			action.accept(this.type.cast(item));
			return true;
		}

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

	/**
	 * The instance of {@link #defaults()}, built at its first use rather than with this
	 * class: {@code wave.stream.max-line-size}'s default is read at start-up, and needs
	 * no mapper.
	 */
	private static final class Defaults {

		static final BlueStreams INSTANCE = new BlueStreams(BlueApiErrors.defaultMapper(),
				DEFAULT_MAX_LINE_SIZE.toBytes());

	}

}
