package io.github.wavestarter.test.internal;

import static io.github.wavestarter.test.internal.Requests.bool;
import static io.github.wavestarter.test.internal.Requests.invalid;
import static io.github.wavestarter.test.internal.Requests.notFound;
import static io.github.wavestarter.test.internal.Requests.object;
import static io.github.wavestarter.test.internal.Requests.required;
import static io.github.wavestarter.test.internal.Requests.strings;
import static io.github.wavestarter.test.internal.Requests.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The FinOps operations of the emulator (Cost reads beyond {@code costs:read}, budgets,
 * alerts, calculations and report exports, Billing groups and invoices, Cover anomaly
 * alerts, Operations): deterministic data derived from the data set (accounts,
 * organization name) and the request (ids, months), and the refusals of the real API for
 * missing required fields, unknown fields and malformed dates. Internal API.
 */
public final class FinOps {

	/** A billing group of the data set. */
	record Group(String internalId, String groupId, String name, String company, String calcType,
			List<Account> accounts) {
	}

	private static final List<String> AWS = List.of("aws");

	private static final List<String> VENDORS = List.of("aws", "azure", "gcp");

	private static final List<String> FEE_TYPES = List.of("Fee", "Refund", "Credit", "SppDiscount", "EdpDiscount",
			"BundledDiscount");

	private static final List<String> CURRENCIES = List.of("JPY", "EUR", "GBP");

	private static final String[] PRODUCTS = { "AmazonEC2", "AmazonS3", "AmazonRDS", "AWSLambda" };

	private static final LocalDate OLDEST = LocalDate.of(2020, 1, 1);

	private static final int MAX_DAYS = 366;

	private final EmulatorSettings settings;

	private final LongRunningOperations operations;

	private final List<Group> groups;

	private final String payerId;

	private final Map<String, ObjectNode> budgets = new ConcurrentHashMap<>();

	public FinOps(EmulatorSettings settings, LongRunningOperations operations) {
		this.settings = settings;
		this.operations = operations;
		String org = settings.orgName;
		this.groups = List.of(
				new Group("mock-billing-group", "BG-001", org + " main", org + " Inc.", "account", settings.accounts),
				new Group("mock-billing-group-tags", "BG-002", org + " tags", org + " Inc.", "tag", List.of()),
				new Group("mock-billing-group-sandbox", "BG-003", org + " sandbox", org + " Labs", "account",
						List.of()));
		this.payerId = String.valueOf(100_000_000_000L + Math.floorMod(mix(org.hashCode()), 900_000_000_000L));
	}

	/** Forgets the budgets created and the operations started. */
	public void reset() {
		budgets.clear();
		operations.clear();
	}

	// ---------------------------------------------------------------- data set

	private LocalDate today() {
		return LocalDate.ofInstant(settings.clock.instant(), ZoneOffset.UTC);
	}

	private Instant now() {
		return settings.clock.instant();
	}

	private List<Account> accounts(String vendor) {
		return settings.accounts.stream().filter(a -> a.vendor().equals(vendor)).toList();
	}

	private Group group(String internalId) {
		return groups.stream()
			.filter(g -> g.internalId().equals(internalId))
			.findFirst()
			.orElseThrow(() -> notFound("billing group not found: " + internalId));
	}

	private List<String> tagIds(Group group) {
		return group.calcType().equals("tag")
				? List.of("tag-" + group.internalId() + "-prod", "tag-" + group.internalId() + "-dev") : List.of();
	}

	/** A stable amount in [low, low + span) with two decimals, derived from the parts. */
	static double amount(double low, double span, String... parts) {
		long h = mix(String.join("|", parts).hashCode());
		double raw = low + (Math.floorMod(h, (long) (span * 100))) / 100.0;
		return BigDecimal.valueOf(raw).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	private static ObjectNode node() {
		return Json.MAPPER.createObjectNode();
	}

	private static WaveResponse json(JsonNode node) {
		return WaveResponse.json(200, Json.MAPPER.writeValueAsString(node));
	}

	private static WaveResponse stream(List<? extends JsonNode> results) {
		List<String> lines = new ArrayList<>(results.size());
		for (JsonNode result : results) {
			lines.add("{\"result\":" + Json.MAPPER.writeValueAsString(result) + "}");
		}
		return WaveResponse.Stream.of(Flux.fromIterable(lines));
	}

	private ObjectNode accountNode(Account a, String groupId) {
		ObjectNode json = node();
		json.put("vendor", a.vendor());
		json.put("id", a.id());
		json.put("name", a.name());
		json.put("orgId", settings.orgName);
		json.put("billingInternalId", groupId);
		return json;
	}

	private LocalDate[] range(ObjectNode body) {
		LocalDate today = today();
		LocalDate start = Requests.yyyymmdd("startTime", text(body, "startTime"), today.withDayOfMonth(1));
		LocalDate end = Requests.yyyymmdd("endTime", text(body, "endTime"), today);
		if (end.isBefore(start)) {
			throw invalid("endTime must not be before startTime");
		}
		if (start.isBefore(OLDEST)) {
			throw invalid("startTime is older than 20200101");
		}
		if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
			throw invalid("the range must not exceed " + MAX_DAYS + " days");
		}
		return new LocalDate[] { start, end };
	}

	private static List<String> periods(LocalDate start, LocalDate end, boolean monthly) {
		List<String> periods = new ArrayList<>();
		for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
			String period = monthly ? d.toString().substring(0, 7) : d.toString();
			if (!periods.contains(period)) {
				periods.add(period);
			}
		}
		return periods;
	}

	private List<String> accountIds(String vendor, String accountField) {
		if (accountField.isEmpty() || accountField.equals("*")) {
			return accounts(vendor).stream().map(Account::id).toList();
		}
		List<String> ids = new ArrayList<>();
		for (String id : accountField.split(",")) {
			String trimmed = id.trim();
			if (!trimmed.matches("[A-Za-z0-9_-]+")) {
				throw invalid("invalid accountId");
			}
			ids.add(trimmed);
		}
		return ids;
	}

	private static String currency(ObjectNode options) {
		String currency = text(options, "toCurrency");
		currency = currency.isEmpty() ? "USD" : currency;
		if (CostRowGenerator.exchangeRate(currency) == null) {
			throw invalid("unsupported toCurrency");
		}
		return currency;
	}

	private static ObjectNode awsCost(String account, String groupId, String type, String date, String product,
			double cost, String currency) {
		double rate = CostRowGenerator.exchangeRate(currency);
		ObjectNode row = node();
		row.put("account", account);
		row.put("groupId", groupId);
		row.put("type", type);
		row.put("date", date);
		row.put("productCode", product);
		row.put("serviceCode", product);
		row.put("cost", cost);
		row.put("unblendedCost", cost);
		row.put("baseCurrency", "USD");
		row.put("exchangeRate", rate);
		row.put("targetCost", BigDecimal.valueOf(cost * rate).setScale(6, RoundingMode.HALF_UP).doubleValue());
		row.put("targetCurrency", currency);
		return row;
	}

	private static ObjectNode item(String vendor, ObjectNode row) {
		ObjectNode item = node();
		item.set(vendor, row);
		return item;
	}

	// ---------------------------------------------------------------- Cost

	/** {@code POST /cost/v1/{vendor}/adjustments:read}. */
	public WaveResponse readAdjustments(String vendor, String raw) {
		Requests.vendor(vendor, List.of("aws", "azure"));
		ObjectNode body = Requests.body(raw, Set.of("groupId", "accountId", "startTime", "endTime", "awsOptions"));
		ObjectNode aws = object(body, "awsOptions", Set.of("toCurrency"));
		LocalDate[] range = range(body);
		String currency = currency(aws);
		String accountField = text(body, "accountId");
		String groupId = text(body, "groupId");
		List<String> ids;
		if (accountField.isEmpty() && !groupId.isEmpty()) {
			ids = group(groupId).accounts().stream().filter(a -> a.vendor().equals(vendor)).map(Account::id).toList();
		}
		else {
			ids = accountIds(vendor, accountField);
		}
		String group = groupId.isEmpty() ? "mock-billing-group" : groupId;
		List<ObjectNode> rows = new ArrayList<>();
		for (String month : periods(range[0], range[1], true)) {
			for (String id : ids) {
				double fee = amount(10, 90, vendor, id, month, "Fee");
				double credit = -amount(1, 20, vendor, id, month, "Credit");
				if (vendor.equals("aws")) {
					rows.add(item("aws", awsCost(id, group, "Fee", month, "AWSSupportBusiness", fee, currency)));
					rows.add(item("aws", awsCost(id, group, "Credit", month, "AWSCredit", credit, currency)));
				}
				else {
					for (double cost : new double[] { fee, credit }) {
						ObjectNode row = node();
						row.put("account", id);
						row.put("groupId", group);
						row.put("date", month);
						row.put("chargeType", cost < 0 ? "Credit" : "Fee");
						row.put("cost", cost);
						row.put("baseCurrency", "USD");
						rows.add(item("azure", row));
					}
				}
			}
		}
		return stream(rows);
	}

	/** {@code POST /cost/v1/{vendor}/tagcosts:read}. */
	public WaveResponse readTagCosts(String vendor, String raw) {
		Requests.vendor(vendor, AWS);
		ObjectNode body = Requests.body(raw,
				Set.of("billingInternalId", "startTime", "endTime", "groupByMonths", "awsOptions"));
		ObjectNode aws = object(body, "awsOptions",
				Set.of("tagId", "groupByColumns", "groupByMonth", "filters", "tagFilters", "includeTags",
						"includeCostCategories", "toCurrency", "forceLatest", "noCache", "tagIds"));
		Group group = group(required(body, "billingInternalId"));
		LocalDate[] range = range(body);
		boolean monthly = bool(body, "groupByMonths") || bool(aws, "groupByMonth");
		String currency = currency(aws);
		String only = text(aws, "tagId");
		List<String> onlyList = strings(aws, "tagIds");
		String account = accounts("aws").isEmpty() ? "000000000000" : accounts("aws").get(0).id();
		List<ObjectNode> rows = new ArrayList<>();
		for (String period : periods(range[0], range[1], monthly)) {
			for (String tagId : tagIds(group)) {
				if ((!only.isEmpty() && !only.equals(tagId)) || (!onlyList.isEmpty() && !onlyList.contains(tagId))) {
					continue;
				}
				double cost = amount(5, 200, tagId, period) * (monthly ? 30 : 1);
				ObjectNode row = awsCost(account, group.internalId(), "Usage", period, "AmazonEC2", cost, currency);
				row.put("tagId", tagId);
				rows.add(item("aws", row));
			}
		}
		return stream(rows);
	}

	/** {@code POST /cost/v1/{vendor}/nontagcosts:read}. */
	public WaveResponse readNonTagCosts(String vendor, String raw) {
		Requests.vendor(vendor, AWS);
		ObjectNode body = Requests.body(raw, Set.of("billingInternalId", "startTime", "endTime", "groupByMonths"));
		Group group = group(required(body, "billingInternalId"));
		LocalDate[] range = range(body);
		boolean monthly = bool(body, "groupByMonths");
		List<ObjectNode> rows = new ArrayList<>();
		for (String period : periods(range[0], range[1], monthly)) {
			for (Account a : accounts("aws")) {
				double cost = amount(1, 50, "nontag", a.id(), period) * (monthly ? 30 : 1);
				rows.add(item("aws", awsCost(a.id(), group.internalId(), "Usage", period, "AmazonS3", cost, "USD")));
			}
		}
		return stream(rows);
	}

	/** {@code POST /cost/v1/{vendor}/costattrs:read}. */
	public WaveResponse readCostAttributes(String vendor, String raw) {
		Requests.vendor(vendor, AWS);
		ObjectNode body = Requests.body(raw,
				Set.of("groupId", "accountId", "startTime", "endTime", "awsOptions", "azureOptions"));
		ObjectNode aws = object(body, "awsOptions", Set.of("dimensions"));
		object(body, "azureOptions", Set.of("customerId", "subscriptionId", "entitlementId"));
		range(body);
		List<String> dimensions = List.of(text(aws, "dimensions").split(","));
		List<ObjectNode> rows = new ArrayList<>();
		for (String id : accountIds(vendor, text(body, "accountId"))) {
			for (String product : PRODUCTS) {
				ObjectNode row = node();
				row.put("account", id);
				row.put("groupId", "mock-billing-group");
				if (dimensions.contains("") || dimensions.contains("productCode")) {
					row.put("productCode", product);
				}
				if (dimensions.contains("") || dimensions.contains("serviceCode")) {
					row.put("serviceCode", product);
				}
				if (dimensions.contains("") || dimensions.contains("region")) {
					row.put("region", "us-east-1");
				}
				rows.add(item("aws", row));
			}
		}
		return stream(rows);
	}

	private ObjectNode payerNode() {
		ObjectNode json = node();
		json.put("vendor", "aws");
		json.put("id", payerId);
		json.put("name", settings.orgName + " payer");
		json.put("orgId", settings.orgName);
		return json;
	}

	/** {@code GET /cost/v1/{vendor}/payers}. */
	public WaveResponse listPayers(String vendor) {
		Requests.vendor(vendor, AWS);
		return stream(List.of(payerNode()));
	}

	/** {@code GET /cost/v1/{vendor}/payers/{id}}. */
	public WaveResponse getPayer(String vendor, String id) {
		Requests.vendor(vendor, AWS);
		if (!id.equals(payerId)) {
			throw notFound("payer account not found: " + id);
		}
		ObjectNode json = node();
		json.put("id", payerId);
		json.put("name", settings.orgName + " payer");
		json.putArray("metadata").addObject().put("key", "type").put("value", "payer");
		ArrayNode members = json.putArray("members");
		accounts("aws").forEach(a -> members.add(accountNode(a, "mock-billing-group")));
		return json(json);
	}

	private List<ObjectNode> tags(List<Group> of) {
		List<ObjectNode> tags = new ArrayList<>();
		String account = accounts("aws").isEmpty() ? "" : accounts("aws").get(0).id();
		for (Group g : of) {
			for (String tagId : tagIds(g)) {
				ObjectNode tag = node();
				tag.put("id", tagId);
				tag.put("orgId", settings.orgName);
				tag.put("billingInternalId", g.internalId());
				tag.put("vendor", "aws");
				tag.put("accountId", account);
				tag.put("logic", "and");
				tag.putArray("tags")
					.addObject()
					.put("key", "env")
					.put("value", tagId.substring(tagId.lastIndexOf('-') + 1));
				tags.add(tag);
			}
		}
		return tags;
	}

	/** {@code GET /cost/v1/{vendor}/tags}. */
	public WaveResponse listTags(String vendor, String rawQuery) {
		Requests.vendor(vendor, AWS);
		String groupId = Requests.query(rawQuery).getOrDefault("groupId", "");
		return stream(tags(groupId.isEmpty() ? groups : List.of(group(groupId))));
	}

	/** {@code GET /cost/v1/{vendor}/forecasts}. */
	public WaveResponse getForecasts(String vendor, String rawQuery) {
		Requests.vendor(vendor, AWS);
		Map<String, String> query = Requests.query(rawQuery);
		Group group = group(query.getOrDefault("billingInternalId", "mock-billing-group"));
		String frequency = query.getOrDefault("frequency", "daily");
		if (!List.of("daily", "monthly").contains(frequency)) {
			throw invalid("frequency must be daily or monthly");
		}
		String level = query.getOrDefault("level", "account");
		if (!List.of("account", "category", "product").contains(level)) {
			throw invalid("level must be account, category or product");
		}
		LocalDate firstOfMonth = today().withDayOfMonth(1);
		LocalDate from = Requests.yyyyDashMmDashDd("fromDate", query.getOrDefault("fromDate", ""), firstOfMonth);
		LocalDate to = Requests.yyyyDashMmDashDd("toDate", query.getOrDefault("toDate", ""), firstOfMonth.plusDays(89));
		if (to.isBefore(from)) {
			throw invalid("toDate must not be before fromDate");
		}
		if (to.isAfter(firstOfMonth.plusDays(89))) {
			throw invalid("forecasts go at most 90 days from the first day of the current month");
		}
		if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw invalid("the range must not exceed " + MAX_DAYS + " days");
		}
		ObjectNode answer = node();
		ObjectNode data = answer.putObject("data");
		data.put("billingInternalId", group.internalId());
		ArrayNode points = data.putArray("data");
		boolean monthly = frequency.equals("monthly");
		for (String period : periods(from, to, monthly)) {
			LocalDate start = monthly ? YearMonth.parse(period).atDay(1) : LocalDate.parse(period);
			for (Account a : group.accounts().stream().filter(x -> x.vendor().equals("aws")).toList()) {
				ObjectNode point = points.addObject();
				point.put("accountId", a.id());
				point.put("frequency", frequency);
				point.put("date", period);
				double cost = amount(20, 80, "forecast", a.id(), period) * (monthly ? 30 : 1);
				if (start.isBefore(firstOfMonth)) {
					point.put("historicalCost", cost);
				}
				else {
					point.put("forecastedCost", cost);
					point.put("upperBound",
							BigDecimal.valueOf(cost * 1.1).setScale(2, RoundingMode.HALF_UP).doubleValue());
					point.put("lowerBound",
							BigDecimal.valueOf(cost * 0.9).setScale(2, RoundingMode.HALF_UP).doubleValue());
				}
			}
		}
		return json(answer);
	}

	private void budgetTarget(String level, String id) {
		if (!List.of("account", "acctgroup").contains(level)) {
			throw invalid("level must be account or acctgroup");
		}
		if (level.equals("account") && accounts("aws").stream().noneMatch(a -> a.id().equals(id))) {
			throw notFound("account not found: " + id);
		}
		if (level.equals("acctgroup") && groups.stream().noneMatch(g -> g.internalId().equals(id))) {
			throw notFound("account group not found: " + id);
		}
	}

	private static int year(String field, String value, int fallback) {
		if (value.isEmpty()) {
			return fallback;
		}
		if (!value.matches("\\d{4}")) {
			throw invalid(field + " must have the format yyyy, got " + Json.quote(value));
		}
		return Integer.parseInt(value);
	}

	/** {@code GET /cost/v1/{vendor}/budget/{level}/{id}}. */
	public WaveResponse getBudget(String vendor, String level, String id, String rawQuery) {
		Requests.vendor(vendor, AWS);
		budgetTarget(level, id);
		int year = year("year", Requests.query(rawQuery).getOrDefault("year", ""), today().getYear());
		ObjectNode stored = budgets.get(level + "/" + id + "/" + year);
		ObjectNode budget = node();
		if (stored != null) {
			budget = stored.deepCopy();
		}
		else {
			budget.put("id", id);
			budget.put("fiscalYear", String.valueOf(year));
			ArrayNode months = budget.putArray("monthlyBudget");
			for (int m = 1; m <= 12; m++) {
				String yearMonth = YearMonth.of(year, m).format(DateTimeFormatter.ofPattern("uuuuMM"));
				months.addObject()
					.put("yearMonth", yearMonth)
					.put("amount", amount(1000, 4000, "budget", id, yearMonth));
			}
		}
		ObjectNode answer = node();
		answer.set("data", budget);
		return json(answer);
	}

	/** {@code POST /cost/v1/{vendor}/budget/{level}/{id}}. */
	public WaveResponse createBudget(String vendor, String level, String id, String raw) {
		Requests.vendor(vendor, AWS);
		budgetTarget(level, id);
		ObjectNode body = Requests.body(raw, Set.of("data"));
		if (!body.has("data")) {
			throw invalid("data is required");
		}
		ObjectNode data = object(body, "data", Set.of("id", "fiscalYear", "monthlyBudget"));
		int year = year("data.fiscalYear", required(data, "fiscalYear"), 0);
		JsonNode months = data.path("monthlyBudget");
		if (!months.isArray() || months.isEmpty()) {
			throw invalid("data.monthlyBudget is required");
		}
		ObjectNode stored = node();
		stored.put("id", id);
		stored.put("fiscalYear", String.valueOf(year));
		ArrayNode list = stored.putArray("monthlyBudget");
		for (JsonNode month : months) {
			if (!(month instanceof ObjectNode entry)) {
				throw invalid("data.monthlyBudget entries must be objects");
			}
			Requests.body(Json.MAPPER.writeValueAsString(entry), Set.of("yearMonth", "amount"));
			YearMonth yearMonth = Requests.yyyymm("yearMonth", required(entry, "yearMonth"), null);
			if (yearMonth.getYear() != year) {
				throw invalid("yearMonth " + entry.path("yearMonth").asString() + " is not in fiscalYear " + year);
			}
			JsonNode amount = entry.path("amount");
			if (!amount.isNumber() || amount.asDouble() < 0) {
				throw invalid("amount must be a non-negative number");
			}
			list.addObject().put("yearMonth", entry.path("yearMonth").asString()).put("amount", amount.asDouble());
		}
		budgets.put(level + "/" + id + "/" + year, stored);
		ObjectNode answer = node();
		answer.put("budgetId", "budget-" + vendor + "-" + level + "-" + id + "-" + year);
		return json(answer);
	}

	/** {@code POST /cost/v1/alerts:read}. */
	public WaveResponse readBudgetAlerts(String raw) {
		Requests.body(raw, Set.of("fieldMask"));
		List<ObjectNode> alerts = new ArrayList<>();
		for (String kind : List.of("monthly", "daily")) {
			ObjectNode alert = node();
			alert.put("id", "budget-alert-" + settings.orgName + "-" + kind);
			alert.put("vendor", "aws");
			ArrayNode accounts = alert.putArray("accounts");
			accounts("aws").forEach(a -> accounts.add(accountNode(a, "mock-billing-group")));
			ObjectNode notification = alert.putObject("notification");
			notification.put("enabled", true);
			ObjectNode channel = notification.putArray("channels").addObject();
			channel.put("id", "channel-email-1");
			channel.put("enabled", true);
			channel.put("name", "FinOps team");
			channel.put("type", "email");
			alert.putObject(kind).put("value", kind.equals("monthly") ? 5000.0 : 200.0).put("enabled", true);
			alerts.add(alert);
		}
		return stream(alerts);
	}

	/** {@code POST /cost/v1/{vendor}/costs:calculate}. */
	public WaveResponse calculateCosts(String vendor, String raw) {
		Requests.vendor(vendor, AWS);
		ObjectNode body = Requests.body(raw, Set.of("groupId", "month", "awsOptions"));
		ObjectNode aws = object(body, "awsOptions", Set.of("force", "accountsOnly", "tagsOnly"));
		bool(aws, "force");
		bool(aws, "accountsOnly");
		bool(aws, "tagsOnly");
		YearMonth current = YearMonth.from(today());
		YearMonth month = Requests.yyyymm("month", text(body, "month"), current.minusMonths(1));
		if (month.isAfter(current)) {
			throw invalid("month must not be in the future");
		}
		if (month.atDay(1).isBefore(OLDEST)) {
			throw invalid("month is older than 202001");
		}
		List<String> ids = new ArrayList<>();
		String groupField = text(body, "groupId");
		if (groupField.isEmpty()) {
			groups.forEach(g -> ids.add(g.internalId()));
		}
		else {
			for (String id : groupField.split(",")) {
				ids.add(group(id.trim()).internalId());
			}
		}
		String yyyymm = month.format(DateTimeFormatter.ofPattern("uuuuMM"));
		ObjectNode metadata = node();
		metadata.put("vendor", vendor);
		metadata.put("month", yyyymm);
		ArrayNode groupsNode = metadata.putArray("groupIds");
		ids.forEach(groupsNode::add);
		String prefix = "costs-calculate-" + vendor + "-" + yyyymm;
		if (month.equals(current)) {
			return json(operations.startFailing(prefix, "costs:calculate", now(), metadata,
					GrpcStatus.FAILED_PRECONDITION, "month " + yyyymm + " is not closed yet"));
		}
		ObjectNode response = node();
		response.put("month", yyyymm);
		response.put("calculatedGroups", ids.size());
		return json(operations.start(prefix, "costs:calculate", now(), metadata, response));
	}

	/** {@code GET /cost/v1/{vendor}/calculations/history}. */
	public WaveResponse calculationsHistory(String vendor, String rawQuery) {
		Requests.vendor(vendor, AWS);
		Map<String, String> query = Requests.query(rawQuery);
		LocalDate asOf = Requests.yyyymmdd("asOf", query.getOrDefault("asOf", ""), today().withDayOfMonth(1));
		boolean excludeDone = Requests.queryBool(query, "excludeDone");
		ObjectNode answer = node();
		ArrayNode list = answer.putObject("aws").putArray("operations");
		operations.list("costs:calculate", asOf.atStartOfDay(ZoneOffset.UTC).toInstant(), excludeDone)
			.forEach(list::add);
		return json(answer);
	}

	/** {@code POST /cost/v1/reports:export}. */
	public WaveResponse exportReport(String raw) {
		ObjectNode body = Requests.body(raw, Set.of("month", "vendor", "notificationChannelIds", "awsOptions"));
		YearMonth month = Requests.yyyyDashMm("month", required(body, "month"), null);
		String vendor = text(body, "vendor");
		vendor = vendor.isEmpty() ? "aws" : Requests.vendor(vendor, VENDORS);
		List<String> channels = strings(body, "notificationChannelIds");
		ObjectNode aws = object(body, "awsOptions",
				Set.of("includeExpired", "language", "queries", "columns", "columnsByQuery"));
		List<String> queries = strings(aws, "queries");
		if (vendor.equals("aws") && queries.isEmpty()) {
			throw invalid("awsOptions.queries must contain at least 1 value");
		}
		String language = text(aws, "language");
		if (!List.of("", "en", "ja").contains(language)) {
			throw invalid("awsOptions.language must be en or ja");
		}
		if (month.isAfter(YearMonth.from(today()))) {
			throw invalid("month must not be in the future");
		}
		ObjectNode metadata = node();
		metadata.put("vendor", vendor);
		metadata.put("month", month.toString());
		ObjectNode response = node();
		response.put("month", month.toString());
		ArrayNode reports = response.putArray("reports");
		queries.forEach(reports::add);
		ArrayNode delivered = response.putArray("notificationChannelIds");
		(channels.isEmpty() ? List.of("default") : channels).forEach(delivered::add);
		return json(operations.start("reports-export-" + vendor + "-" + month, "reports:export", now(), metadata,
				response));
	}

	/** {@code GET /ops/v1/{name}}. */
	public WaveResponse getOperation(String rawName) {
		ObjectNode state = operations.poll(Requests.segment(rawName));
		if (state == null) {
			throw notFound("operation not found: " + Requests.segment(rawName));
		}
		return json(state);
	}

	/** {@code GET /cost/v1/{vendor}/reports/invoicereadiness}. */
	public WaveResponse invoiceReadiness(String vendor, String rawQuery) {
		Requests.vendor(vendor, VENDORS);
		String value = Requests.query(rawQuery).getOrDefault("month", "");
		if (value.isEmpty()) {
			throw invalid("month is required");
		}
		YearMonth month = Requests.yyyyDashMm("month", value, null);
		boolean ready = month.isBefore(YearMonth.from(today()));
		ObjectNode answer = node();
		if (ready) {
			answer.put("ready", true);
		}
		else {
			answer.put("reason", "usage of " + month + " has no invoice id yet: the month is not closed");
		}
		return json(answer);
	}

	// ---------------------------------------------------------------- Billing

	private ObjectNode groupNode(Group g, List<String> vendors) {
		ObjectNode json = node();
		json.put("billingInternalId", g.internalId());
		json.put("billingGroupId", g.groupId());
		json.put("billingGroupName", g.name());
		json.put("companyName", g.company());
		json.put("type", "default");
		ObjectNode info = json.putObject("billingGroupInfo");
		info.put("billingTitle", g.company());
		info.put("language", "en");
		info.put("displayCost", "unblended_cost");
		ArrayNode accounts = json.putArray("accounts");
		g.accounts()
			.stream()
			.filter(a -> vendors.isEmpty() || vendors.contains(a.vendor()))
			.forEach(a -> accounts.add(accountNode(a, g.internalId())));
		ArrayNode tags = json.putArray("tags");
		tags(List.of(g)).forEach(tags::add);
		json.putObject("invoiceSettings").putObject("aws").put("calcType", g.calcType()).put("currency", "USD");
		return json;
	}

	private List<Group> filter(Map<String, String> query) {
		String calcType = query.getOrDefault("calcType", "");
		if (!List.of("", "account", "tag").contains(calcType)) {
			throw invalid("calcType must be account or tag");
		}
		String displayCost = query.getOrDefault("displayCost", "");
		if (!List.of("", "unblended_cost", "true_unblended_cost").contains(displayCost)) {
			throw invalid("displayCost must be unblended_cost or true_unblended_cost");
		}
		String bgType = query.getOrDefault("bgType", "");
		if (!List.of("", "default", "imported").contains(bgType)) {
			throw invalid("bgType must be default or imported");
		}
		vendors(query);
		return groups.stream()
			.filter(g -> calcType.isEmpty() || g.calcType().equals(calcType))
			.filter(g -> !bgType.equals("imported"))
			.toList();
	}

	private static List<String> vendors(Map<String, String> query) {
		String vendors = query.getOrDefault("vendors", "");
		if (vendors.isEmpty()) {
			return List.of();
		}
		List<String> list = List.of(vendors.split(","));
		list.forEach(v -> Requests.vendor(v, VENDORS));
		return list;
	}

	/** {@code GET /billing/v1/billinggroups}. */
	public WaveResponse listBillingGroups(String rawQuery) {
		Map<String, String> query = Requests.query(rawQuery);
		List<String> vendors = vendors(query);
		return stream(filter(query).stream().map(g -> groupNode(g, vendors)).toList());
	}

	/** {@code GET /billing/v1/billinggroups:paginated}. */
	public WaveResponse listBillingGroupsPaginated(String rawQuery) {
		Map<String, String> query = Requests.query(rawQuery);
		int pageSize = integer(query, "pageSize", 50);
		int pageNumber = integer(query, "pageNumber", 1);
		if (pageSize < 1 || pageSize > 1000) {
			throw invalid("pageSize must be between 1 and 1000");
		}
		if (pageNumber < 1) {
			throw invalid("pageNumber must be at least 1");
		}
		String company = query.getOrDefault("companyName", "");
		String name = query.getOrDefault("billingGroupName", "");
		String id = query.getOrDefault("billingGroupId", "");
		List<Group> matching = filter(query).stream()
			.filter(g -> g.company().contains(company) && g.name().contains(name))
			.filter(g -> id.isEmpty() || g.groupId().equals(id))
			.toList();
		int totalPages = (matching.size() + pageSize - 1) / pageSize;
		ObjectNode answer = node();
		ArrayNode rows = answer.putArray("billingGroups");
		int from = (int) Math.min((long) (pageNumber - 1) * pageSize, matching.size());
		for (Group g : matching.subList(from, Math.min(from + pageSize, matching.size()))) {
			ObjectNode row = rows.addObject();
			row.put("billingGroupName", g.name());
			row.put("billingGroupId", g.groupId());
			row.put("companyName", g.company());
			row.put("billingGroupType", g.calcType().toUpperCase(java.util.Locale.ROOT));
			ArrayNode vendors = row.putArray("vendors");
			for (String vendor : VENDORS) {
				boolean enabled = g.accounts().stream().anyMatch(a -> a.vendor().equals(vendor));
				ObjectNode v = vendors.addObject().put("vendor", vendor);
				if (enabled) {
					v.put("enabled", true);
				}
			}
			row.put("billingInternalId", g.internalId());
		}
		answer.put("totalCount", matching.size());
		answer.put("currentPage", pageNumber);
		answer.put("pageSize", pageSize);
		answer.put("totalPages", totalPages);
		return json(answer);
	}

	private static int integer(Map<String, String> query, String name, int fallback) {
		String value = query.getOrDefault(name, "");
		if (value.isEmpty()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw invalid("invalid value for int32 field " + name + ": " + Json.quote(value));
		}
	}

	/** {@code GET /billing/v1/billinggroups/{billingInternalId}}. */
	public WaveResponse getBillingGroup(String rawId) {
		ObjectNode answer = node();
		answer.set("billingGroup", groupNode(group(Requests.segment(rawId)), List.of()));
		return json(answer);
	}

	private String month(YearMonth month) {
		return month.format(DateTimeFormatter.ofPattern("uuuuMM"));
	}

	private double invoiceTotal(Group g, String yyyymm) {
		return g.accounts().isEmpty() ? 0 : amount(1000, 9000, "invoice", g.internalId(), yyyymm);
	}

	private static String formatted(double amount) {
		return String.format(java.util.Locale.ROOT, "$%,.2f", amount);
	}

	/** {@code POST /billing/v1/invoice:read}. */
	public WaveResponse listInvoices(String raw) {
		ObjectNode body = Requests.body(raw, Set.of("date", "vendor", "billingInternalId", "fieldMask"));
		YearMonth month = Requests.yyyymm("date", required(body, "date"), null);
		String vendor = text(body, "vendor");
		if (!vendor.isEmpty()) {
			Requests.vendor(vendor, VENDORS);
		}
		String parent = text(body, "billingInternalId");
		if (!parent.isEmpty()) {
			group(parent);
			return stream(List.of()); // the data set has no child billing groups
		}
		String yyyymm = month(month);
		boolean closed = month.isBefore(YearMonth.from(today()));
		List<ObjectNode> invoices = new ArrayList<>();
		for (Group g : groups) {
			ObjectNode invoice = node();
			invoice.put("billingInternalId", g.internalId());
			invoice.put("billingGroupId", g.groupId());
			invoice.put("billingGroupName", g.name());
			invoice.put("companyName", g.company());
			if (closed) {
				invoice.put("isCreated", true);
			}
			double total = invoiceTotal(g, yyyymm);
			ObjectNode amounts = invoice.putObject("vendorBillingAmount");
			if (vendor.isEmpty() || vendor.equals("aws")) {
				amounts.put("aws", formatted(total));
			}
			invoice.put("billingAmountTotal", formatted(total));
			invoice.put("currency", "usd");
			invoices.add(invoice);
		}
		return stream(invoices);
	}

	/** {@code POST /billing/v1/invoice/{date}:read}. */
	public WaveResponse getInvoice(String date, String raw) {
		YearMonth month = Requests.yyyymm("date", date, null);
		ObjectNode body = Requests.body(raw, Set.of("groupId"));
		Group g = group(required(body, "groupId"));
		String yyyymm = month(month);
		double total = invoiceTotal(g, yyyymm);
		double support = BigDecimal.valueOf(total * 0.1).setScale(2, RoundingMode.HALF_UP).doubleValue();
		ObjectNode invoice = node();
		ObjectNode aws = invoice.putObject("aws");
		ArrayNode details = aws.putArray("details");
		for (Account a : g.accounts()) {
			details.addObject().put("id", a.id()).put("name", a.name());
		}
		aws.putArray("groupDetails")
			.addObject()
			.put("name", "supportFee")
			.put("currency", "USD")
			.put("amount", support);
		ArrayNode totals = aws.putArray("total");
		totals.addObject()
			.put("name", "chargeOnly")
			.put("currency", "USD")
			.put("amount", BigDecimal.valueOf(total - support).setScale(2, RoundingMode.HALF_UP).doubleValue());
		totals.addObject().put("name", "total").put("currency", "USD").put("amount", total);
		ObjectNode settingsNode = aws.putObject("settings");
		settingsNode.put("groupId", g.internalId());
		settingsNode.put("groupName", g.name());
		settingsNode.put("currency", "USD");
		settingsNode.put("invoiceNo", "INV-" + yyyymm + "-" + g.groupId());
		settingsNode.put("dueDate", month.plusMonths(1).atEndOfMonth().toString());
		return json(invoice);
	}

	/** {@code POST /billing/v1/invoice/{date}:export}. */
	public WaveResponse exportInvoice(String date, String raw) {
		YearMonth month = Requests.yyyymm("date", date, null);
		ObjectNode body = Requests.body(raw, Set.of("groupId"));
		String groupField = text(body, "groupId");
		List<String> ids = new ArrayList<>();
		for (String id : groupField.isEmpty() ? groups.stream().map(Group::internalId).toList()
				: List.of(groupField.split(","))) {
			ids.add(group(id.trim()).internalId());
		}
		ObjectNode answer = node();
		answer.put("url", "https://storage.mock-wave.invalid/" + settings.orgName + "/invoice-" + month(month) + "-"
				+ String.join("_", ids) + ".csv");
		return json(answer);
	}

	/** {@code POST /billing/v1/{vendor}/invoiceadjustments:read}. */
	public WaveResponse readInvoiceAdjustments(String vendor, String raw) {
		Requests.vendor(vendor, VENDORS);
		ObjectNode body = Requests.body(raw, Set.of("accountId", "month", "feeType"));
		String account = required(body, "accountId");
		YearMonth month = Requests.yyyymm("month", text(body, "month"), YearMonth.from(today()));
		String feeType = text(body, "feeType");
		if (!feeType.isEmpty() && !FEE_TYPES.contains(feeType)) {
			throw invalid("unsupported feeType: " + feeType);
		}
		String yyyymm = month(month);
		List<ObjectNode> rows = new ArrayList<>();
		for (String type : feeType.isEmpty() ? List.of("Fee", "Credit") : List.of(feeType)) {
			double cost = amount(1, 100, "adjustment", vendor, account, yyyymm, type);
			ObjectNode row = node();
			row.put("yearMonth", yyyymm);
			row.put("feeType", type);
			row.put("description", type + " " + month);
			row.put("productCode", type.equals("Fee") ? "AWSSupportBusiness" : "AWSCredit");
			row.put("usageAccountId", account);
			row.put("currencyCode", "USD");
			row.put("payerAccountId", payerId);
			row.put("cost", BigDecimal.valueOf(type.equals("Fee") ? cost : -cost).setScale(2).toPlainString());
			row.put("usageStartDate", month.atDay(1).toString());
			rows.add(row);
		}
		return stream(rows);
	}

	/** {@code GET /billing/v1/{vendor}/exchangerate/{month}}. */
	public WaveResponse exchangeRates(String vendor, String rawMonth) {
		Requests.vendor(vendor, VENDORS);
		YearMonth month = Requests.yyyymm("month", rawMonth, null);
		String yyyymm = month(month);
		ObjectNode answer = node();
		answer.put("month", yyyymm);
		ArrayNode common = answer.putObject("common").putArray(vendor);
		for (String currency : CURRENCIES) {
			common.addObject().put("currency", currency).put("rate", CostRowGenerator.exchangeRate(currency));
		}
		ArrayNode perGroup = answer.putArray("billingGroup");
		Group g = groups.get(0);
		ObjectNode group = perGroup.addObject();
		group.put("billingInternalId", g.internalId());
		group.put("billingGroupId", g.groupId());
		group.put("billingGroupName", g.name());
		group.putArray("exchangeRate")
			.addObject()
			.put("currency", "JPY")
			.put("rate", amount(140, 20, "rate", g.internalId(), yyyymm));
		ObjectNode payer = answer.putObject("payer").putArray(vendor).addObject();
		payer.put("payerAccountId", payerId);
		payer.put("payerAccountName", settings.orgName + " payer");
		payer.putArray("exchangeRate")
			.addObject()
			.put("currency", "JPY")
			.put("rate", amount(140, 20, "rate", payerId, yyyymm));
		return json(answer);
	}

	/** {@code GET /billing/v1/resellers}. */
	public WaveResponse listResellers() {
		List<ObjectNode> resellers = new ArrayList<>();
		for (Group g : groups.subList(0, 2)) {
			ObjectNode reseller = node();
			reseller.put("id", "reseller-" + g.groupId());
			reseller.put("email", "billing@" + g.internalId() + ".example");
			reseller.put("groupId", g.internalId());
			reseller.put("groupName", g.name());
			reseller.put("groupType", "billing_group");
			reseller.put("waveStatus", "active");
			reseller.putArray("waveConfig").addObject().put("key", "dashboardGraph").put("value", true);
			resellers.add(reseller);
		}
		return stream(resellers);
	}

	// ---------------------------------------------------------------- Cover

	private ObjectNode anomalyAlert(int n) {
		ObjectNode alert = node();
		alert.put("id", "anomaly-alert-" + n);
		alert.put("orgId", settings.orgName);
		alert.put("name", (n == 1 ? "Daily" : "Weekly") + " anomalies of " + settings.orgName);
		alert.put("alertEnabled", true);
		alert.put("frequency", n == 1 ? "daily" : "weekly");
		alert.putObject("costGroupId").put("id", "cost-group-" + n).put("name", "Cost group " + n);
		alert.putObject("channels")
			.putArray("email")
			.addObject()
			.put("id", "channel-email-1")
			.put("name", "FinOps team");
		return alert;
	}

	/** {@code POST /cover/v1/alerts/anomaly/all:read}. */
	public WaveResponse listAnomalyAlerts() {
		return stream(List.of(anomalyAlert(1), anomalyAlert(2)));
	}

	/** {@code GET /cover/v1/alerts/anomaly/{id}}. */
	public WaveResponse getAnomalyAlert(String rawId) {
		String id = Requests.segment(rawId);
		for (int n = 1; n <= 2; n++) {
			if (id.equals("anomaly-alert-" + n)) {
				return json(anomalyAlert(n));
			}
		}
		throw notFound("anomaly alert not found: " + id);
	}

}
