package io.github.wavestarter.test.internal;

import io.github.wavestarter.test.fault.FaultPlan;
import io.github.wavestarter.test.journal.RecordedApiRequest;
import io.github.wavestarter.test.journal.RequestJournal;
import io.github.wavestarter.test.stub.ApiStub;
import io.github.wavestarter.test.stub.StubRegistry;
import io.github.wavestarter.test.stub.StubbedResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Emulates the grpc-gateway REST front of the Blue API: each {@link BlueService} under
 * its real base, routes resolved before authentication as grpc-gateway does, so a path
 * that no route serves is answered {@code 404} with {@code {"code":5,"message":"Not
 * Found"}} whatever the token. Internal API.
 */
public final class BlueApi {

	private static final List<String> ACCOUNT_VENDORS = List.of("aws", "gcp");

	private static final List<String> COST_VENDORS = List.of("aws", "azure", "gcp");

	private final EmulatorSettings settings;

	private final TokenStore tokens;

	private final RequestJournal journal;

	private final FaultPlan faults;

	private final StubRegistry stubs;

	private final FaultApplier faultApplier;

	private final FinOps finOps;

	private final RateLimiter rateLimiter;

	private final List<Route> routes;

	private List<Route> routes() {
		FinOps f = finOps;
		return List.of(new Route("GET", "/iam/v1/whoami", (m, body, bearer, q) -> whoAmI(bearer)),
				new Route("GET", "/org/v1", (m, body, bearer, q) -> org()),
				new Route("GET", "/cost/v1/([^/]+)/accounts", (m, body, bearer, q) -> listAccounts(m.group(1))),
				new Route("GET", "/cost/v1/([^/]+)/accounts/([^/]+)",
						(m, body, bearer, q) -> getAccount(m.group(1), m.group(2))),
				new Route("POST", "/cost/v1/([^/]+)/costs:read", (m, body, bearer, q) -> readCosts(m.group(1), body)),
				new Route("POST", "/cost/v1/([^/]+)/adjustments:read",
						(m, body, bearer, q) -> f.readAdjustments(m.group(1), body)),
				new Route("POST", "/cost/v1/([^/]+)/tagcosts:read",
						(m, body, bearer, q) -> f.readTagCosts(m.group(1), body)),
				new Route("POST", "/cost/v1/([^/]+)/nontagcosts:read",
						(m, body, bearer, q) -> f.readNonTagCosts(m.group(1), body)),
				new Route("POST", "/cost/v1/([^/]+)/costattrs:read",
						(m, body, bearer, q) -> f.readCostAttributes(m.group(1), body)),
				new Route("GET", "/cost/v1/([^/]+)/payers", (m, body, bearer, q) -> f.listPayers(m.group(1))),
				new Route("GET", "/cost/v1/([^/]+)/payers/([^/]+)",
						(m, body, bearer, q) -> f.getPayer(m.group(1), Requests.segment(m.group(2)))),
				new Route("GET", "/cost/v1/([^/]+)/tags", (m, body, bearer, q) -> f.listTags(m.group(1), q)),
				new Route("GET", "/cost/v1/([^/]+)/forecasts", (m, body, bearer, q) -> f.getForecasts(m.group(1), q)),
				new Route("GET", "/cost/v1/([^/]+)/budget/([^/]+)/([^/]+)",
						(m, body, bearer, q) -> f.getBudget(m.group(1), m.group(2), Requests.segment(m.group(3)), q)),
				new Route("POST", "/cost/v1/([^/]+)/budget/([^/]+)/([^/]+)",
						(m, body, bearer, q) -> f.createBudget(m.group(1), m.group(2), Requests.segment(m.group(3)),
								body)),
				new Route("POST", "/cost/v1/alerts:read", (m, body, bearer, q) -> f.readBudgetAlerts(body)),
				new Route("POST", "/cost/v1/([^/]+)/costs:calculate",
						(m, body, bearer, q) -> f.calculateCosts(m.group(1), body)),
				new Route("GET", "/cost/v1/([^/]+)/calculations/history",
						(m, body, bearer, q) -> f.calculationsHistory(m.group(1), q)),
				new Route("POST", "/cost/v1/reports:export", (m, body, bearer, q) -> f.exportReport(body)),
				new Route("GET", "/cost/v1/([^/]+)/reports/invoicereadiness",
						(m, body, bearer, q) -> f.invoiceReadiness(m.group(1), q)),
				new Route("GET", "/billing/v1/billinggroups", (m, body, bearer, q) -> f.listBillingGroups(q)),
				new Route("GET", "/billing/v1/billinggroups:paginated",
						(m, body, bearer, q) -> f.listBillingGroupsPaginated(q)),
				new Route("GET", "/billing/v1/billinggroups/([^/]+)",
						(m, body, bearer, q) -> f.getBillingGroup(m.group(1))),
				new Route("POST", "/billing/v1/invoice:read", (m, body, bearer, q) -> f.listInvoices(body)),
				new Route("POST", "/billing/v1/invoice/([^/]+):read",
						(m, body, bearer, q) -> f.getInvoice(Requests.segment(m.group(1)), body)),
				new Route("POST", "/billing/v1/invoice/([^/]+):export",
						(m, body, bearer, q) -> f.exportInvoice(Requests.segment(m.group(1)), body)),
				new Route("POST", "/billing/v1/([^/]+)/invoiceadjustments:read",
						(m, body, bearer, q) -> f.readInvoiceAdjustments(m.group(1), body)),
				new Route("GET", "/billing/v1/([^/]+)/exchangerate/([^/]+)",
						(m, body, bearer, q) -> f.exchangeRates(m.group(1), Requests.segment(m.group(2)))),
				new Route("GET", "/billing/v1/resellers", (m, body, bearer, q) -> f.listResellers()),
				new Route("POST", "/cover/v1/alerts/anomaly/all:read", (m, body, bearer, q) -> f.listAnomalyAlerts()),
				new Route("GET", "/cover/v1/alerts/anomaly/([^/]+)",
						(m, body, bearer, q) -> f.getAnomalyAlert(m.group(1))),
				new Route("GET", "/ops/v1/([^/]+)", (m, body, bearer, q) -> f.getOperation(m.group(1))));
	}

	/**
	 * @param rateLimiter the rate limit applied to every request with a valid token
	 * before anything else
	 */
	public BlueApi(EmulatorSettings settings, TokenStore tokens, RequestJournal journal, FaultPlan faults,
			StubRegistry stubs, FaultApplier faultApplier, FinOps finOps, RateLimiter rateLimiter) {
		this.settings = settings;
		this.tokens = tokens;
		this.journal = journal;
		this.faults = faults;
		this.stubs = stubs;
		this.faultApplier = faultApplier;
		this.finOps = finOps;
		this.rateLimiter = rateLimiter;
		this.routes = routes();
	}

	/**
	 * Handles one API request.
	 * @param path path relative to the base URL
	 * @param query raw query string
	 */
	public Mono<Void> handle(HttpServerRequest req, HttpServerResponse res, String path, String query) {
		String method = req.method().name();
		String authorization = req.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
		String bearer = bearerToken(authorization);
		return req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(body -> {
			TokenStore.Validity validity = tokens.check(bearer);
			String clientId = tokens.clientOf(bearer);
			RecordedApiRequest recorded = RecordedApiRequest.of(settings.clock.instant(), method, path, query,
					validity == TokenStore.Validity.VALID, body, authorization,
					req.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE), clientId);
			if (validity == TokenStore.Validity.VALID && clientId != null) {
				long retryAfterSeconds = rateLimiter.tryAcquire(clientId);
				if (retryAfterSeconds > 0) {
					journal.recordRateLimited(recorded);
					WaveResponse rejection = rateLimited(retryAfterSeconds);
					return faultApplier.respond(res, null, () -> rejection, status -> "");
				}
			}
			journal.record(recorded);
			return faultApplier.respond(res, faults.nextForApi(path),
					() -> answer(method, path, query, body, bearer, validity), status -> GrpcStatus
						.body(GrpcStatus.codeOfHttpStatus(status), "HTTP " + status + " (injected by MockWaveServer)"));
		});
	}

	private WaveResponse answer(String method, String path, String query, String body, String bearer,
			TokenStore.Validity validity) {
		ApiStub stub = stubs.find(method, path);
		Route route = null;
		Matcher match = null;
		boolean pathServed = stub != null;
		for (int i = 0; stub == null && route == null && i < routes.size(); i++) {
			Matcher candidate = routes.get(i).pattern.matcher(path);
			if (candidate.matches()) {
				pathServed = true;
				if (routes.get(i).method.equals(method)) {
					route = routes.get(i);
					match = candidate;
				}
			}
		}
		if (!pathServed) {
			return GrpcStatus.error(GrpcStatus.NOT_FOUND, "Not Found");
		}
		if (stub == null && route == null) {
			return methodNotAllowed();
		}
		switch (validity) {
			case MISSING:
				return GrpcStatus.error(GrpcStatus.UNAUTHENTICATED, "missing or malformed authorization header");
			case UNKNOWN:
				return GrpcStatus.error(GrpcStatus.UNAUTHENTICATED, "invalid token");
			case EXPIRED:
				return GrpcStatus.error(GrpcStatus.UNAUTHENTICATED, "token is expired");
			case REVOKED:
				return GrpcStatus.error(GrpcStatus.UNAUTHENTICATED, "token has been revoked");
			default:
				break;
		}
		if (stub != null) {
			return stubbed(stub.response());
		}
		try {
			return route.handler.answer(match, body, bearer, query);
		}
		catch (Requests.Refusal refusal) {
			return refusal.response();
		}
		catch (RuntimeException e) {
			return GrpcStatus.error(GrpcStatus.INTERNAL,
					"internal error in MockWaveServer: " + e.getClass().getSimpleName());
		}
	}

	/** A built-in endpoint: method, path pattern relative to {@code /m/blue}, answer. */
	private static final class Route {

		final String method;

		final Pattern pattern;

		final Handler handler;

		Route(String method, String regex, Handler handler) {
			this.method = method;
			this.pattern = Pattern.compile(regex);
			this.handler = handler;
		}

	}

	@FunctionalInterface
	private interface Handler {

		WaveResponse answer(Matcher match, String body, String bearer, String query);

	}

	private static WaveResponse stubbed(StubbedResponse response) {
		if (response instanceof StubbedResponse.Unary unary) {
			return WaveResponse.json(unary.status(), unary.jsonBody());
		}
		if (response instanceof StubbedResponse.GrpcError error) {
			return GrpcStatus.error(error.grpcCode(), error.message());
		}
		if (response instanceof StubbedResponse.Raw raw) {
			return new WaveResponse.Unary(raw.status(), raw.contentType(), raw.body().getBytes(StandardCharsets.UTF_8),
					Map.of());
		}
		if (response instanceof StubbedResponse.Chunked chunked) {
			return new WaveResponse.Chunks(chunked.status(), Flux.defer(() -> Flux.from(chunked.chunks().get())),
					Map.of());
		}
		List<String> results = ((StubbedResponse.Stream) response).resultsJson();
		return WaveResponse.Stream.of(Flux.fromIterable(results).map(json -> "{\"result\":" + json + "}"));
	}

	/**
	 * The answer to a request over the rate limit: {@code 429} with a
	 * {@code RESOURCE_EXHAUSTED} status and {@code Retry-After}.
	 */
	private WaveResponse rateLimited(long retryAfterSeconds) {
		return GrpcStatus
			.error(GrpcStatus.RESOURCE_EXHAUSTED,
					"rate limit exceeded: " + rateLimiter.requestsPerSecond() + " requests per second per client")
			.withHeaders(Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
	}

	private static WaveResponse methodNotAllowed() {
		return GrpcStatus.error(GrpcStatus.UNIMPLEMENTED, "Method Not Allowed");
	}

	private WaveResponse whoAmI(String bearer) {
		IssuedToken token = tokens.find(bearer);
		String subject = token == null ? settings.username : token.subject();
		String clientId = token == null ? settings.clientId : token.clientId();
		String email = subject.contains("@") ? subject : subject + "@" + settings.orgName + ".example";
		String json = "{\"id\":" + Json.quote(subject) + ",\"metadata\":{\"email\":" + Json.quote(email) + ",\"orgId\":"
				+ Json.quote(settings.orgName) + ",\"grantType\":" + Json.quote(token == null ? "" : token.grantType())
				+ ",\"clientId\":" + Json.quote(clientId) + "}}";
		return WaveResponse.json(200, json);
	}

	private WaveResponse org() {
		String json = "{\"name\":" + Json.quote(settings.orgName) + ",\"email\":"
				+ Json.quote("admin@" + settings.orgName + ".example") + ",\"metadata\":{\"plan\":\"wave-pro\"}}";
		return WaveResponse.json(200, json);
	}

	private WaveResponse listAccounts(String vendor) {
		if (!ACCOUNT_VENDORS.contains(vendor)) {
			return GrpcStatus.error(GrpcStatus.INVALID_ARGUMENT, "unsupported vendor: " + vendor);
		}
		List<String> lines = settings.accounts.stream()
			.filter(a -> a.vendor().equals(vendor))
			.map(a -> "{\"result\":" + accountJson(a) + "}")
			.toList();
		return WaveResponse.Stream.of(Flux.fromIterable(lines));
	}

	private WaveResponse getAccount(String vendor, String id) {
		if (!ACCOUNT_VENDORS.contains(vendor)) {
			return GrpcStatus.error(GrpcStatus.INVALID_ARGUMENT, "unsupported vendor: " + vendor);
		}
		return settings.accounts.stream()
			.filter(a -> a.vendor().equals(vendor) && a.id().equals(id))
			.findFirst()
			.<WaveResponse>map(a -> WaveResponse.json(200, accountJson(a)))
			.orElseGet(() -> GrpcStatus.error(GrpcStatus.NOT_FOUND, "account not found"));
	}

	private String accountJson(Account a) {
		return "{\"vendor\":" + Json.quote(a.vendor()) + ",\"id\":" + Json.quote(a.id()) + ",\"name\":"
				+ Json.quote(a.name()) + ",\"orgId\":" + Json.quote(settings.orgName)
				+ ",\"billingInternalId\":\"mock-billing-group\",\"metadata\":[{\"key\":\"environment\",\"value\":"
				+ Json.quote(a.name()) + "}]}";
	}

	private WaveResponse readCosts(String vendor, String body) {
		if (!COST_VENDORS.contains(vendor)) {
			return GrpcStatus.error(GrpcStatus.INVALID_ARGUMENT, "unsupported vendor: " + vendor);
		}
		if (!"aws".equals(vendor)) {
			return GrpcStatus.error(GrpcStatus.UNIMPLEMENTED,
					"MockWaveServer only generates aws costs; stub " + vendor + " costs with server.stubs().stub(...)");
		}
		CostQuery query;
		try {
			query = CostQuery.parse(vendor, body, LocalDate.ofInstant(settings.clock.instant(), ZoneOffset.UTC),
					settings.accounts);
		}
		catch (CostQuery.InvalidCostQueryException e) {
			return GrpcStatus.error(GrpcStatus.INVALID_ARGUMENT, e.getMessage());
		}
		return WaveResponse.Stream.of(CostRowGenerator.lines(query, settings.costRowsPerRequest));
	}

	static @Nullable String bearerToken(@Nullable String authorization) {

		if (authorization == null) {
			return null;
		}
		String value = authorization.trim();
		if (value.length() > 7 && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return value.substring(7).trim();
		}
		return null;
	}

}
