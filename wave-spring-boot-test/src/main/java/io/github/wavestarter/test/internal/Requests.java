package io.github.wavestarter.test.internal;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strict reading of API request bodies, query strings and dates, as the Blue API refuses
 * what it cannot parse: a {@link Refusal} carries the gRPC code and message of the
 * grpc-gateway error answer. Internal API.
 */
public final class Requests {

	/**
	 * A request the real API refuses; becomes a {@code {"code","message","details"}}
	 * answer.
	 */
	public static final class Refusal extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final int code;

		Refusal(int code, String message) {
			super(message, null, false, false);
			this.code = code;
		}

		/**
		 * @return the gRPC code
		 */
		public int code() {
			return code;
		}

		/**
		 * @return the error answer
		 */
		public WaveResponse response() {
			return GrpcStatus.error(code, getMessage());
		}

	}

	private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter YYYYMM = DateTimeFormatter.ofPattern("uuuuMM")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter YYYY_MM = DateTimeFormatter.ofPattern("uuuu-MM")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter YYYY_MM_DD = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private Requests() {
	}

	/**
	 * @return an INVALID_ARGUMENT refusal
	 */
	public static Refusal invalid(String message) {
		return new Refusal(GrpcStatus.INVALID_ARGUMENT, message);
	}

	/**
	 * @return a NOT_FOUND refusal
	 */
	public static Refusal notFound(String message) {
		return new Refusal(GrpcStatus.NOT_FOUND, message);
	}

	/**
	 * Parses a JSON object body; blank is {@code {}}. Every field must be one of
	 * {@code fields}.
	 */
	public static ObjectNode body(String body, Set<String> fields) {
		JsonNode root;
		try {
			root = body.isBlank() ? Json.MAPPER.createObjectNode() : Json.read(body);
		}
		catch (JacksonException e) {
			throw invalid("invalid JSON request body");
		}
		if (!(root instanceof ObjectNode object)) {
			throw invalid("request body must be a JSON object");
		}
		onlyFields(object, fields, "");
		return object;
	}

	/**
	 * The object field {@code name} of {@code parent} (an empty object if absent), whose
	 * fields must be among {@code fields}.
	 */
	public static ObjectNode object(ObjectNode parent, String name, Set<String> fields) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return Json.MAPPER.createObjectNode();
		}
		if (!(node instanceof ObjectNode object)) {
			throw invalid(name + " must be a JSON object");
		}
		onlyFields(object, fields, name + ".");
		return object;
	}

	private static void onlyFields(ObjectNode object, Set<String> fields, String prefix) {
		for (String name : object.propertyNames()) {
			if (!fields.contains(name)) {
				throw invalid("unknown field \"" + prefix + name + "\"");
			}
		}
	}

	/** A string field; {@code ""} if absent or null. */
	public static String text(ObjectNode object, String field) {
		JsonNode node = object.get(field);
		if (node == null || node.isNull()) {
			return "";
		}
		if (!node.isString()) {
			throw invalid(field + " must be a string");
		}
		return node.asString();
	}

	/** A required, non-empty string field. */
	public static String required(ObjectNode object, String field) {
		String value = text(object, field);
		if (value.isEmpty()) {
			throw invalid(field + " is required");
		}
		return value;
	}

	/** A boolean field; {@code false} if absent. */
	public static boolean bool(ObjectNode object, String field) {
		JsonNode node = object.get(field);
		if (node == null || node.isNull()) {
			return false;
		}
		if (!node.isBoolean()) {
			throw invalid(field + " must be a boolean");
		}
		return node.asBoolean();
	}

	/** A list of strings field; empty if absent. */
	public static List<String> strings(ObjectNode object, String field) {
		JsonNode node = object.get(field);
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw invalid(field + " must be an array of strings");
		}
		return node.valueStream().map(value -> {
			if (!value.isString()) {
				throw invalid(field + " must be an array of strings");
			}
			return value.asString();
		}).toList();
	}

	/** The decoded query parameters (last value wins). */
	public static Map<String, String> query(@Nullable String rawQuery) {
		Map<String, String> values = new java.util.LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return values;
		}
		new QueryStringDecoder(rawQuery, StandardCharsets.UTF_8, false).parameters()
			.forEach((name, list) -> values.put(name, list.get(list.size() - 1)));
		return values;
	}

	/** A boolean query parameter; {@code false} if absent. */
	public static boolean queryBool(Map<String, String> query, String name) {
		String value = query.getOrDefault(name, "");
		if (value.isEmpty() || value.equals("false")) {
			return false;
		}
		if (value.equals("true")) {
			return true;
		}
		throw invalid("invalid value for bool field " + name + ": " + Json.quote(value));
	}

	/** Decodes a path segment ({@code +} stays a plus). */
	public static String segment(String raw) {
		return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	/** The vendor, which must be one of {@code allowed}. */
	public static String vendor(String vendor, List<String> allowed) {
		if (!allowed.contains(vendor)) {
			throw invalid("unsupported vendor: " + vendor + " (supported: " + String.join(", ", allowed) + ")");
		}
		return vendor;
	}

	/** {@code yyyymmdd}, or the fallback when empty. */
	public static LocalDate yyyymmdd(String field, String value, LocalDate fallback) {
		if (value.isEmpty()) {
			return fallback;
		}
		if (!value.matches("\\d{8}")) {
			throw invalid(field + " must have the format yyyymmdd, got " + Json.quote(value));
		}
		try {
			return LocalDate.parse(value, YYYYMMDD);
		}
		catch (DateTimeParseException e) {
			throw invalid(field + " is not a valid date: " + Json.quote(value));
		}
	}

	/**
	 * {@code yyyymm}, or the fallback when empty ({@code null}: the field is required).
	 */
	public static YearMonth yyyymm(String field, String value, @Nullable YearMonth fallback) {
		return month(field, value, fallback, "\\d{6}", YYYYMM, "yyyymm");
	}

	/**
	 * {@code yyyy-mm}, or the fallback when empty ({@code null}: the field is required).
	 */
	public static YearMonth yyyyDashMm(String field, String value, @Nullable YearMonth fallback) {
		return month(field, value, fallback, "\\d{4}-\\d{2}", YYYY_MM, "yyyy-mm");
	}

	/** {@code yyyy-mm-dd}, or the fallback when empty. */
	public static LocalDate yyyyDashMmDashDd(String field, String value, LocalDate fallback) {
		if (value.isEmpty()) {
			return fallback;
		}
		if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
			throw invalid(field + " must have the format yyyy-mm-dd, got " + Json.quote(value));
		}
		try {
			return LocalDate.parse(value, YYYY_MM_DD);
		}
		catch (DateTimeParseException e) {
			throw invalid(field + " is not a valid date: " + Json.quote(value));
		}
	}

	private static YearMonth month(String field, String value, @Nullable YearMonth fallback, String regex,
			DateTimeFormatter format, String pattern) {
		if (value.isEmpty()) {
			if (fallback == null) {
				throw invalid(field + " is required");
			}
			return fallback;
		}
		if (!value.matches(regex)) {
			throw invalid(field + " must have the format " + pattern + ", got " + Json.quote(value));
		}
		try {
			return YearMonth.parse(value, format);
		}
		catch (DateTimeParseException e) {
			throw invalid(field + " is not a valid month: " + Json.quote(value));
		}
	}

}
