package io.github.wavestarter.test.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Shared Jackson 3 mapper. Internal API. */
public final class Json {

	/** The mapper used for every body the emulator writes or reads. */
	public static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	/** Serializes a value; strings are taken to be JSON text already. */
	public static String write(Object value) {
		if (value instanceof String s) {
			MAPPER.readTree(s); // validate
			return s;
		}
		return MAPPER.writeValueAsString(value);
	}

	/** Parses JSON text. */
	public static JsonNode read(String json) {
		return MAPPER.readTree(json);
	}

	/** Escapes a string as a JSON string literal, including quotes. */
	public static String quote(String value) {
		return MAPPER.writeValueAsString(value);
	}

}
