package io.github.wavestarter.blue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Stateful, single-subscriber splitter/decoder for one NDJSON stream. Each network buffer
 * is copied once into a reusable scratch array; complete lines are parsed in place, a
 * trailing partial line is carried over (bounded by {@code maxLineSize}).
 */
final class NdjsonLineDecoder {

	record Failure(BlueApiException exception) {
	}

	private final JsonMapper mapper;

	private final ObjectReader reader;

	private final ObjectReader treeReader;

	private final int maxLineSize;

	private byte[] scratch = new byte[16 * 1024];

	private byte[] carry = new byte[1024];

	private int carryLength;

	private long lineNumber;

	private boolean terminated;

	NdjsonLineDecoder(JsonMapper mapper, ObjectReader reader, ObjectReader treeReader, int maxLineSize) {
		this.mapper = mapper;
		this.reader = reader;
		this.treeReader = treeReader;
		this.maxLineSize = maxLineSize;
	}

	List<Object> decode(DataBuffer buffer) {
		int length;
		try {
			if (this.terminated) {
				return List.of();
			}
			length = buffer.readableByteCount();
			if (this.scratch.length < length) {
				this.scratch = new byte[Math.max(length, this.scratch.length * 2)];
			}
			buffer.read(this.scratch, 0, length);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
		return split(length);
	}

	/**
	 * Reads the next chunk of a blocking body into the scratch array and decodes it.
	 * @param body the body
	 * @return the items of the lines completed by the chunk, or {@code null} at the end
	 * of the body (then call {@link #finish()})
	 * @throws IOException when the body cannot be read
	 */
	@Nullable List<Object> decode(InputStream body) throws IOException {
		if (this.terminated) {
			return null;
		}
		int length = body.read(this.scratch, 0, this.scratch.length);
		return (length < 0) ? null : split(length);
	}

	/** Splits the first {@code length} bytes of the scratch array into lines. */
	private List<Object> split(int length) {
		byte[] bytes = this.scratch;
		List<Object> out = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < length; i++) {
			if (bytes[i] == '\n') {
				this.lineNumber++;
				if (this.carryLength > 0) {
					if (!appendCarry(bytes, start, i - start, this.lineNumber, out)) {
						return out;
					}
					parseLine(this.carry, 0, this.carryLength, out);
					this.carryLength = 0;
				}
				else if (i - start > this.maxLineSize) {
					fail(new BlueStreamLimitException(this.maxLineSize, this.lineNumber), out);
				}
				else {
					parseLine(bytes, start, i - start, out);
				}
				if (this.terminated) {
					return out;
				}
				start = i + 1;
			}
		}
		if (start < length) {
			appendCarry(bytes, start, length - start, this.lineNumber + 1, out);
		}
		return out;
	}

	List<Object> finish() {
		List<Object> out = new ArrayList<>(1);
		if (!this.terminated && this.carryLength > 0) {
			this.lineNumber++;
			parseLine(this.carry, 0, this.carryLength, out);
			this.carryLength = 0;
		}
		return out;
	}

	private boolean appendCarry(byte[] bytes, int offset, int length, long line, List<Object> out) {
		int needed = this.carryLength + length;
		if (needed > this.maxLineSize) {
			fail(new BlueStreamLimitException(this.maxLineSize, line), out);
			this.carry = new byte[0];
			this.carryLength = 0;
			return false;
		}
		if (needed > this.carry.length) {
			this.carry = Arrays.copyOf(this.carry,
					(int) Math.min(Math.max(needed, this.carry.length * 2L), this.maxLineSize));
		}
		System.arraycopy(bytes, offset, this.carry, this.carryLength, length);
		this.carryLength = needed;
		return true;
	}

	private void fail(BlueApiException ex, List<Object> out) {
		out.add(new Failure(ex));
		this.terminated = true;
	}

	private void parseLine(byte[] bytes, int offset, int length, List<Object> out) {
		if (isBlank(bytes, offset, length)) {
			return;
		}
		try (JsonParser parser = this.mapper.createParser(bytes, offset, length)) {
			JsonToken token = parser.nextToken();
			if (token != JsonToken.START_OBJECT) {
				fail(malformed("expected a JSON object but found " + token, null), out);
				return;
			}
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken value = parser.nextToken();
				if ("result".equals(name)) {
					if (value != JsonToken.VALUE_NULL) {
						Object row = this.reader.readValue(parser);
						if (row != null) {
							out.add(row);
						}
					}
				}
				else if ("error".equals(name) && value == JsonToken.START_OBJECT) {
					JsonNode status = this.treeReader.readValue(parser);
					fail(BlueApiErrors.fromStatusNode(200, status, "stream line " + this.lineNumber), out);
					return;
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			fail(malformed(ex.getOriginalMessage(), ex), out);
		}
	}

	private BlueApiException malformed(String reason, Throwable cause) {
		return new BlueApiException(200, GrpcCode.DATA_LOSS.number(), "Cannot decode line " + this.lineNumber
				+ " of the Blue API stream: " + BlueApiErrors.sanitize(String.valueOf(reason), 300), List.of(), null,
				null, cause);
	}

	private static boolean isBlank(byte[] bytes, int offset, int length) {
		for (int i = offset; i < offset + length; i++) {
			byte b = bytes[i];
			if (b != ' ' && b != '\r' && b != '\t' && b != '\n') {
				return false;
			}
		}
		return true;
	}

}
