package io.github.wavestarter.readme;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.blue.GrpcCode;
import io.github.wavestarter.blue.api.AwsCost;
import io.github.wavestarter.blue.api.BillingGroup;
import io.github.wavestarter.blue.api.InvoiceSummary;
import io.github.wavestarter.blue.api.Operation;
import io.github.wavestarter.blue.api.ReadCostsRequest;
import io.github.wavestarter.client.WaveClients;
import io.github.wavestarter.test.MockWaveClient;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.journal.RecordedApiRequest;
import io.github.wavestarter.test.spring.EnableMockWave;
import io.github.wavestarter.token.WaveAccessTokenProvider;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The README's Java examples run as written against the emulator, which serves the Blue
 * API at Alphaus' paths only and takes Alphaus' date format only: each reaches the path
 * it should, and none gets a 404 or an INVALID_ARGUMENT.
 */
@SpringBootTest(classes = ReadmeApplication.class)
@EnableMockWave(clients = @MockWaveClient(name = "customer-a", clientId = ReadmeSnippetsTests.CUSTOMER_A_ID,
		clientSecret = ReadmeSnippetsTests.CUSTOMER_A_SECRET))
// shares its context with CostReportTests, which counts token requests from a cold start:
// leave no cached token behind
@DirtiesContext
class ReadmeSnippetsTests {

	static final String CUSTOMER_A_ID = "customer-a-client-id";

	static final String CUSTOMER_A_SECRET = "customer-a-Secret-1";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	WaveClients waveClients;

	@Autowired
	MockWaveServer wave;

	@Autowired
	ReadmeSnippets snippets;

	@Autowired
	Costs quickstart;

	@Autowired
	WhoAmIController mvcQuickstart;

	@Autowired
	WaveAccessTokenProvider tokens;

	@Test
	void quickstart() {
		assertThat(this.quickstart.whoami().block(TIMEOUT)).contains(this.wave.clientId());
		assertThat(paths()).containsExactly("/iam/v1/whoami");
	}

	@Test
	void mvcQuickstart() {
		assertThat(this.mvcQuickstart.whoami().id()).isEqualTo(this.wave.clientId());
		assertThat(paths()).containsExactly("/iam/v1/whoami");
	}

	@Test
	void typedClient() {
		List<AwsCost> rows = this.snippets.typedCosts();

		assertThat(rows).hasSize(28 * 3 * 7);
		assertThat(paths()).containsExactly("/cost/v1/aws/costs:read");
		assertThat(this.wave.journal().lastApiRequest().body()).contains("\"startTime\":\"20261101\"");
	}

	@Test
	void ownInterfaceForAnotherOperation() {
		this.wave.stubs()
			.stub("GET", "/billing/v1/credits")
			.thenStream(List.of(Map.of("id", "credit-1", "creditAmount", 100.0),
					Map.of("id", "credit-2", "creditAmount", 50.0)));

		List<JsonNode> credits = this.snippets.creditsApi().listCredits().collectList().block(TIMEOUT);

		assertThat(credits).extracting((credit) -> credit.path("id").asString())
			.containsExactly("credit-1", "credit-2");
		assertThat(paths()).containsExactly("/billing/v1/credits");
	}

	@Test
	void severalClients() {
		assertThat(this.snippets.customerInvoices()).isNotEmpty();
		assertThat(paths()).containsExactly("/billing/v1/invoice:read");
		assertThat(this.wave.journal().tokenRequestCount(CUSTOMER_A_ID)).isEqualTo(1);
		assertThat(this.wave.journal().apiRequests(CUSTOMER_A_ID)).singleElement()
			.satisfies((request) -> assertThat(request.validToken()).isTrue());
	}

	@Test
	void clientsRegisteredAtRunTime() {
		String me = this.snippets.onboardAndOffboard("tenant-7", CUSTOMER_A_ID, CUSTOMER_A_SECRET);
		assertThat(me).contains(CUSTOMER_A_ID);
		assertThat(this.waveClients.names()).containsExactly("default", "customer-a");
		assertThat(this.wave.journal().apiRequests(CUSTOMER_A_ID)).singleElement()
			.satisfies((request) -> assertThat(request.path()).isEqualTo("/iam/v1/whoami"));
	}

	@Test
	void typedBilling() {
		List<InvoiceSummary> invoices = this.snippets.typedBilling();

		assertThat(invoices).isNotEmpty().allSatisfy((invoice) -> assertThat(invoice.billingInternalId()).isNotBlank());
		assertThat(paths()).containsExactly("/billing/v1/billinggroups:paginated", "/billing/v1/invoice:read");
		assertThat(this.wave.journal().lastApiRequest().body()).isEqualTo("{\"date\":\"202610\"}");
	}

	@Test
	void writesRetriedOnRequest() {
		this.wave.faults().api("/cost/v1/{vendor}/costs:calculate").failNext(2).withStatus(503);

		List<Object> operations = this.snippets.retriedWrites();

		assertThat(operations).hasSize(2)
			.allSatisfy((operation) -> assertThat(((Operation) operation).name()).isNotBlank());
		assertThat(paths()).containsExactly("/cost/v1/aws/costs:calculate", "/cost/v1/aws/costs:calculate",
				"/cost/v1/aws/costs:calculate", "/cost/v1/aws/costs:calculate");
	}

	@Test
	void longRunningOperations() {
		List<JsonNode> responses = this.snippets.longRunning();

		assertThat(responses).extracting((response) -> response.path("value").path("month").asString())
			.containsExactly("202610", "202609");
		assertThat(paths()).filteredOn((path) -> path.endsWith(":calculate")).hasSize(2);
		assertThat(paths()).filteredOn((path) -> path.startsWith("/ops/v1/")).isNotEmpty();
	}

	@Test
	void fluxHelperOnTheRawClient() {
		List<JsonNode> rows = this.snippets.rawStream(ReadCostsRequest.of(null, "20261101", "20261102"))
			.collectList()
			.block(TIMEOUT);

		assertThat(rows).hasSize(2 * 3 * 7);
		assertThat(paths()).containsExactly("/cost/v1/aws/costs:read");
	}

	@Test
	void blockingStreamOnWaveRestClient() throws Exception {
		List<AwsCost> rows = this.snippets.blockingStream(ReadCostsRequest.of(null, "20261101", "20261102"));

		assertThat(rows).hasSize(2 * 3 * 7).allSatisfy((row) -> assertThat(row).isNotNull());
		assertThat(paths()).containsExactly("/cost/v1/aws/costs:read");
	}

	@Test
	void blockingStreamOfATypedClient() {
		List<AwsCost> rows = this.snippets.typedBlockingStream(ReadCostsRequest.of(null, "20261101", "20261102"));

		assertThat(rows).hasSize(2 * 3 * 7).allSatisfy((row) -> assertThat(row).isNotNull());
		assertThat(paths()).containsExactly("/cost/v1/aws/costs:read");
	}

	@Test
	void blockingStreamOfATypedClientEndsWithTheErrorLineAfterTheRowsBeforeIt() {
		this.wave.faults()
			.api("/cost/v1/aws/costs:read")
			.failNext(1)
			.withMidStreamError(5, GrpcCode.INTERNAL.number(), "backend failed");

		assertThatExceptionOfType(BlueApiException.class)
			.isThrownBy(() -> this.snippets.typedBlockingStream(ReadCostsRequest.of(null, "20261101", "20261102")))
			.satisfies((ex) -> assertThat(ex.getApiMessage()).isEqualTo("backend failed"));
		assertThat(this.snippets.typedBlockingStream(ReadCostsRequest.of(null, "20261101", "20261101")))
			.as("the next call works")
			.hasSize(3 * 7);
	}

	@Test
	void plainClient() {
		assertThat(this.snippets.plain().block(TIMEOUT).name()).isEqualTo("mock-org");
		assertThat(paths()).containsExactly("/org/v1");
	}

	@Test
	void waveRestClientReadsTheOrgWithTheSameTokenAsWaveWebClient() {
		assertThat(this.snippets.blocking().name()).isEqualTo("mock-org");
		assertThat(this.snippets.plain().block(TIMEOUT).name()).isEqualTo("mock-org");
		List<RecordedApiRequest> requests = this.wave.journal().apiRequests();
		RecordedApiRequest blocking = requests.get(requests.size() - 2);
		RecordedApiRequest reactive = requests.get(requests.size() - 1);
		assertThat(blocking.path()).isEqualTo("/org/v1");
		assertThat(blocking.validToken()).isTrue();
		assertThat(blocking.bearerTokenSha256()).isNotNull().isEqualTo(reactive.bearerTokenSha256());
	}

	@Test
	void rippleBillingGroups() {
		this.wave.stubs().stub("GET", "/billing/v1/billinggroups").thenStream(billingGroups());

		List<Object> answers = this.snippets.ripple("bg-1");

		assertThat((List<?>) answers.get(0)).extracting((group) -> ((BillingGroup) group).billingInternalId())
			.containsExactly("bg-1", "bg-2");
		assertThat((List<?>) answers.get(1)).hasSize(3);
		assertThat(answers.get(2)).isEqualTo(28L * 3 * 7);
		assertThat(paths()).containsExactly("/billing/v1/billinggroups", "/cost/v1/aws/accounts",
				"/cost/v1/aws/costs:read");
		assertThat(this.wave.journal().apiRequests().get(1).query()).isEqualTo("groupId=bg-1");
		assertThat(this.wave.journal().lastApiRequest().body()).contains("\"groupId\":\"bg-1\"");
	}

	@Test
	void tokensForOtherClients() {
		OAuth2AccessToken rejected = this.tokens.getAccessToken().block(TIMEOUT);
		long before = this.wave.journal().tokenRequestCount();

		String[] values = this.snippets.tokens(rejected).split(" ");

		assertThat(values[0]).isEqualTo(rejected.getTokenValue());
		assertThat(values[1]).isNotEqualTo(rejected.getTokenValue());
		// the rejected token was already dropped by invalidate: a caller may retry
		assertThat(values[2]).isEqualTo("true");
		assertThat(this.wave.journal().tokenRequestCount()).isEqualTo(before + 1);
	}

	private List<String> paths() {
		return this.wave.journal().apiRequests().stream().map(RecordedApiRequest::path).toList();
	}

	private static List<Map<String, String>> billingGroups() {
		return List.of(Map.of("billingInternalId", "bg-1", "billingGroupId", "acme", "billingGroupName", "ACME"),
				Map.of("billingInternalId", "bg-2", "billingGroupId", "globex", "billingGroupName", "Globex"));
	}

}
