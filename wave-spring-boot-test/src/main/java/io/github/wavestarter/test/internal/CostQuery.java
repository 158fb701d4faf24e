package io.github.wavestarter.test.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A validated {@code POST /cost/v1/{vendor}/costs:read} request. Dates are
 * {@code yyyymmdd}, or {@code yyyymm} for a whole month (its first day as
 * {@code startTime}, its last as {@code endTime}), as Alphaus documents them; anything
 * else is refused with {@code INVALID_ARGUMENT}. Internal API.
 */
public record CostQuery(String vendor, LocalDate start, LocalDate end, List<String> accountIds, String groupId,
		boolean groupByMonth, String toCurrency) {

	/** Thrown for requests the real API rejects with INVALID_ARGUMENT. */
	public static final class InvalidCostQueryException extends Exception {

		InvalidCostQueryException(String message) {
			super(message);
		}

	}

	private static final Set<String> FIELDS = Set.of("groupId", "accountId", "startTime", "endTime", "awsOptions",
			"gcpOptions", "azureOptions");

	private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter YYYYMM = DateTimeFormatter.ofPattern("uuuuMM")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final LocalDate OLDEST = LocalDate.of(2020, 1, 1);

	/** Parses and validates the JSON body. */
	public static CostQuery parse(String vendor, String body, LocalDate today, List<Account> known)
			throws InvalidCostQueryException {
		JsonNode root;
		try {
			root = body.isBlank() ? Json.MAPPER.createObjectNode() : Json.read(body);
		}
		catch (JacksonException e) {
			throw new InvalidCostQueryException("invalid JSON request body");
		}
		if (!root.isObject()) {
			throw new InvalidCostQueryException("request body must be a JSON object");
		}
		for (String name : root.propertyNames()) {
			if (!FIELDS.contains(name)) {
				throw new InvalidCostQueryException("unknown field \"" + name + "\"");
			}
		}
		LocalDate start = date(root, "startTime", today.withDayOfMonth(1), false);
		LocalDate end = date(root, "endTime", today, true);
		if (end.isBefore(start)) {
			throw new InvalidCostQueryException("endTime must not be before startTime");
		}
		String accountField = text(root, "accountId");
		String groupId = text(root, "groupId");
		List<String> accounts = new ArrayList<>();
		if (accountField.isEmpty() || "*".equals(accountField)) {
			known.stream().filter(a -> a.vendor().equals(vendor)).forEach(a -> accounts.add(a.id()));
		}
		else {
			for (String id : accountField.split(",")) {
				String trimmed = id.trim();
				if (!trimmed.matches("[A-Za-z0-9_-]+")) {
					throw new InvalidCostQueryException("invalid accountId");
				}
				accounts.add(trimmed);
			}
		}
		JsonNode aws = root.path("awsOptions");
		boolean groupByMonth = aws.path("groupByMonth").asBoolean(false);
		String toCurrency = aws.path("toCurrency").asString("USD");
		if (toCurrency.isEmpty()) {
			toCurrency = "USD";
		}
		if (CostRowGenerator.exchangeRate(toCurrency) == null) {
			throw new InvalidCostQueryException("unsupported toCurrency");
		}
		return new CostQuery(vendor, start, end, List.copyOf(accounts), groupId, groupByMonth, toCurrency);
	}

	private static String text(JsonNode root, String field) {
		JsonNode node = root.get(field);
		return node == null || node.isNull() ? "" : node.asString("");
	}

	private static LocalDate date(JsonNode root, String field, LocalDate fallback, boolean endOfMonth)
			throws InvalidCostQueryException {
		JsonNode node = root.get(field);
		if (node != null && !node.isNull() && !node.isString()) {
			throw new InvalidCostQueryException(field + " must be a string in the format yyyymmdd or yyyymm");
		}
		String value = text(root, field);
		if (value.isEmpty()) {
			return fallback;
		}
		LocalDate date;
		try {
			if (value.matches("\\d{8}")) {
				date = LocalDate.parse(value, YYYYMMDD);
			}
			else if (value.matches("\\d{6}")) {
				YearMonth month = YearMonth.parse(value, YYYYMM);
				date = endOfMonth ? month.atEndOfMonth() : month.atDay(1);
			}
			else {
				throw new InvalidCostQueryException(
						field + " must have the format yyyymmdd or yyyymm, got " + Json.quote(value));
			}
		}
		catch (DateTimeParseException e) {
			throw new InvalidCostQueryException(field + " is not a valid date: " + Json.quote(value));
		}
		if (date.isBefore(OLDEST)) {
			throw new InvalidCostQueryException(field + " is older than 20200101");
		}
		return date;
	}
}
