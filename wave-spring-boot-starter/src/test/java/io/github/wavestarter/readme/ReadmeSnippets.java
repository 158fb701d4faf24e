package io.github.wavestarter.readme;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.wavestarter.blue.BlueApiClients;
import io.github.wavestarter.blue.BlueOperations;
import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.blue.api.Account;
import io.github.wavestarter.blue.api.AwsCost;
import io.github.wavestarter.blue.api.AwsOptions;
import io.github.wavestarter.blue.api.BillingApi;
import io.github.wavestarter.blue.api.BillingGroup;
import io.github.wavestarter.blue.api.BillingGroupsPage;
import io.github.wavestarter.blue.api.CalculateCostsRequest;
import io.github.wavestarter.blue.api.CostApi;
import io.github.wavestarter.blue.api.CostItem;
import io.github.wavestarter.blue.api.InvoiceSummary;
import io.github.wavestarter.blue.api.ListInvoicesRequest;
import io.github.wavestarter.blue.api.Operation;
import io.github.wavestarter.blue.api.Org;
import io.github.wavestarter.blue.api.ReadCostsRequest;
import io.github.wavestarter.client.WaveApiCalls;
import io.github.wavestarter.client.WaveClients;
import io.github.wavestarter.client.WaveCredentials;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The Java fragments of the README, as written there (between the {@code README:begin}
 * and {@code README:end} markers), in methods that give them the beans and values their
 * names refer to. {@link ReadmeSyncTests} checks they are the README's blocks,
 * {@link ReadmeSnippetsTests} runs them against the emulator.
 */
@Component
class ReadmeSnippets {

	private final CostApi costs;

	private final WebClient waveWebClient;

	private final BlueStreams blueStreams;

	private final BlueApiClients blueApiClients;

	private final WaveAccessTokenProvider tokens;

	private final RestClient waveRestClient;

	private final BillingApi billing;

	private final BlueOperations blueOperations;

	private final List<AwsCost> processed = new ArrayList<>();

	private final WaveClients waveClients;

	ReadmeSnippets(CostApi costs, @Qualifier("waveWebClient") WebClient waveWebClient, BlueStreams blueStreams,
			BlueApiClients blueApiClients, WaveAccessTokenProvider tokens,
			@Qualifier("waveRestClient") RestClient waveRestClient, BillingApi billing, BlueOperations blueOperations,
			WaveClients waveClients) {
		this.costs = costs;
		this.waveWebClient = waveWebClient;
		this.blueStreams = blueStreams;
		this.blueApiClients = blueApiClients;
		this.tokens = tokens;
		this.waveRestClient = waveRestClient;
		this.billing = billing;
		this.blueOperations = blueOperations;
		this.waveClients = waveClients;
	}

	/** Several clients: the invoices of one customer organisation, with its own token. */
	List<InvoiceSummary> customerInvoices() {
		WaveClients waveClients = this.waveClients;
		// @formatter:off
		// README:begin
Flux<InvoiceSummary> invoices = waveClients.client("customer-a", BillingApi.class)   // customer-a's own token
        .listInvoices(ListInvoicesRequest.of("202610"));
		// README:end
		// @formatter:on
		return invoices.collectList().block(Duration.ofSeconds(30));
	}

	/** A client registered at run time, then removed. */
	String onboardAndOffboard(String tenant, String clientId, String clientSecret) {
		WaveClients waveClients = this.waveClients;
		// @formatter:off
		// README:begin
waveClients.register(tenant, WaveCredentials.of(clientId, clientSecret));     // e.g. from a secret store
String me = waveClients.restClient(tenant).get().uri("/iam/v1/whoami").retrieve().body(String.class);
waveClients.remove(tenant);                                                   // offboarding: its token is dropped
		// README:end
		// @formatter:on
		return me;
	}

	/** Level 1: the typed client. */
	List<AwsCost> typedCosts() {
		CostApi costs = this.costs;
		// @formatter:off
		// README:begin
costs.readCosts("aws", ReadCostsRequest.of(null, "20261101", "20261128")      // dates: yyyymmdd (or yyyymm)
        .withAwsOptions(AwsOptions.groupBy("service")))
     .doOnNext(item -> process(item.aws()))
     .blockLast(Duration.ofMinutes(10));
		// README:end
		// @formatter:on
		return this.processed;
	}

	/** An interface of one's own, for an operation the starter does not type. */
	CreditsApi creditsApi() {
		return this.blueApiClients.createClient(CreditsApi.class);
	}

	/** The typed Billing client. */
	List<InvoiceSummary> typedBilling() {
		BillingApi billing = this.billing;
		// @formatter:off
		// README:begin
Flux<InvoiceSummary> invoices = billing.listInvoices(ListInvoicesRequest.of("202610"));   // month: yyyymm
Mono<BillingGroupsPage> page = billing.listBillingGroupsPaginated(50, 1);                // page size, page
		// README:end
		// @formatter:on
		Duration timeout = Duration.ofSeconds(30);
		page.block(timeout);
		return invoices.collectList().block(timeout);
	}

	/** Long-running operations: the reactive and the blocking wait. */
	List<JsonNode> longRunning() {
		CostApi costs = this.costs;
		BlueOperations blueOperations = this.blueOperations;
		Duration timeout = Duration.ofSeconds(30);
		// @formatter:off
		// README:begin
Mono<JsonNode> response = costs.calculateCosts("aws", CalculateCostsRequest.of(null, "202610"))  // month: yyyymm
        .flatMap(operation -> blueOperations.await(operation, Duration.ofMinutes(30)));      // polls GET /ops/v1/{name}

Operation started = costs.calculateCosts("aws", CalculateCostsRequest.of(null, "202609")).block(timeout);
JsonNode result = blueOperations.awaitBlocking(started, Duration.ofMinutes(30));            // blocking variant
		// README:end
		// @formatter:on
		return List.of(response.block(timeout), result);
	}

	/** Writes retried on request: the typed client's and waveRestClient's. */
	List<Object> retriedWrites() {
		CostApi costs = this.costs;
		RestClient waveRestClient = this.waveRestClient;
		Duration timeout = Duration.ofSeconds(30);
		CalculateCostsRequest request = CalculateCostsRequest.of(null, "202609");
		// @formatter:off
		// README:begin
Mono<Operation> started = costs.calculateCosts("aws", CalculateCostsRequest.of(null, "202610"))
        .contextWrite(WaveApiCalls.retryWrites());            // this write may be repeated: retry it too

Operation again = waveRestClient.post().uri("/cost/v1/{vendor}/costs:calculate", "aws")
        .attribute(WaveApiCalls.RETRY_WRITES, true)           // the same for a call of waveRestClient
        .body(request)
        .retrieve().body(Operation.class);
		// README:end
		// @formatter:on
		return List.of(started.block(timeout), again);
	}

	/** Level 2: the Flux helper on the raw client. */
	Flux<JsonNode> rawStream(ReadCostsRequest request) {
		WebClient waveWebClient = this.waveWebClient;
		BlueStreams blueStreams = this.blueStreams;
		// @formatter:off
		// README:begin
Flux<JsonNode> rows = waveWebClient.post().uri("/cost/v1/{vendor}/costs:read", "aws")
        .bodyValue(request)
        .exchangeToFlux(blueStreams.resultsOf(JsonNode.class));    // the BlueStreams bean
		// README:end
		// @formatter:on
		return rows;
	}

	/** Level 3: plain waveWebClient. */
	Mono<Org> plain() {
		WebClient waveWebClient = this.waveWebClient;
		// @formatter:off
		// README:begin
Mono<Org> org = waveWebClient.get().uri("/org/v1").retrieve().bodyToMono(Org.class);
		// README:end
		// @formatter:on
		return org;
	}

	/** Blocking code: waveRestClient. */
	Org blocking() {
		RestClient waveRestClient = this.waveRestClient;
		// @formatter:off
		// README:begin
Org org = waveRestClient.get().uri("/org/v1").retrieve().body(Org.class);   // blocks this thread
		// README:end
		// @formatter:on
		return org;
	}

	/** Blocking streams: waveRestClient into a Stream. */
	List<AwsCost> blockingStream(ReadCostsRequest request) throws IOException {
		RestClient waveRestClient = this.waveRestClient;
		BlueStreams blueStreams = this.blueStreams;
		this.processed.clear();
		// @formatter:off
		// README:begin
try (Stream<CostItem> rows = waveRestClient.post().uri("/cost/v1/{vendor}/costs:read", "aws")
        .body(request)
        .exchange((req, res) -> blueStreams.stream(res, CostItem.class), false)) {  // lazy, flat memory
    rows.forEach(item -> process(item.aws()));
}
		// README:end
		// @formatter:on
		return this.processed;
	}

	/** Blocking streams: a typed client's Flux as a Stream. */
	List<AwsCost> typedBlockingStream(ReadCostsRequest request) {
		CostApi costs = this.costs;
		this.processed.clear();
		// @formatter:off
		// README:begin
try (Stream<CostItem> rows = costs.readCosts("aws", request).toStream(256)) {  // at most 256 rows held
    rows.forEach(item -> process(item.aws()));                                 // closing cancels the exchange
}
		// README:end
		// @formatter:on
		return this.processed;
	}

	/** Ripple: billing groups, and Cost calls for one of them. */
	List<Object> ripple(String groupId) {
		BillingApi billing = this.billing;
		CostApi costs = this.costs;
		// @formatter:off
		// README:begin
Flux<BillingGroup> groups = billing.listBillingGroups();      // GET /billing/v1/billinggroups

Flux<Account> accounts = costs.listAccounts("aws", groupId, null);
Flux<CostItem> items = costs.readCosts("aws", ReadCostsRequest.of(null, "20261101", "20261128")
        .withGroupId(groupId));
		// README:end
		// @formatter:on
		Duration timeout = Duration.ofSeconds(30);
		return List.of(groups.collectList().block(timeout), accounts.collectList().block(timeout),
				items.count().block(timeout));
	}

	/** Tokens for other clients. */
	String tokens(OAuth2AccessToken rejectedToken) {
		WaveAccessTokenProvider tokens = this.tokens;
		// @formatter:off
		// README:begin
String bearer = tokens.getTokenValue(Duration.ofSeconds(10));        // imperative code
Mono<OAuth2AccessToken> token = tokens.getAccessToken();             // reactive code
tokens.invalidate(rejectedToken);                                    // after a 401 elsewhere
boolean retry = tokens.invalidateRejected(rejectedToken);            // false: renewed moments ago, fail
		// README:end
		// @formatter:on
		return bearer + " " + token.block(Duration.ofSeconds(10)).getTokenValue() + " " + retry;
	}

	private void process(AwsCost cost) {
		this.processed.add(cost);
	}

}
