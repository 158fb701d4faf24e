package io.github.wavestarter.blue.api;

import java.time.Duration;
import java.util.List;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.journal.RecordedApiRequest;
import io.github.wavestarter.test.junit.MockWaveServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.wavestarter.blue.BlueApiClients;
import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.blue.GrpcCode;

import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Typed clients against the emulator's stubs: method, path, query, body JSON and
 * decoding.
 */
@MockWaveServerTest
class TypedApiHttpTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private final JsonMapper mapper = JsonMapper.builder().build();

	private MockWaveServer server;

	private BlueApiClients clients;

	@BeforeEach
	void start(MockWaveServer server) {
		this.server = server;
		// base URL with a path prefix, like https://api.alphaus.cloud/m/blue
		WebClient webClient = WebClient.builder()
			.baseUrl(server.baseUrl())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + server.tokens().issueAccessToken())
			.build();
		this.clients = BlueApiClients.create(webClient, BlueStreams.create(this.mapper, DataSize.ofMegabytes(1)));
	}

	private void answer(String method, String path, int code, String body) {
		this.server.stubs().stub(method, path).thenRespond(code, "application/json", body);
	}

	private RecordedApiRequest take() {
		assertThat(this.server.journal().apiRequests()).hasSize(1);
		return this.server.journal().lastApiRequest();
	}

	/** The request target as the server saw it: base path, path and query. */
	private static String target(RecordedApiRequest request) {
		return "/m/blue" + request.path() + (request.query().isEmpty() ? "" : "?" + request.query());
	}

	@Test
	void whoAmI() {
		answer("GET", "/iam/v1/whoami", 200,
				"{\"id\":\"u1\",\"parent\":\"root\",\"metadata\":{\"k\":\"v\"},\"newField\":1}");
		ApiUser user = this.clients.createClient(IamApi.class).whoAmI().block(Duration.ofSeconds(5));
		assertThat(user).isEqualTo(new ApiUser("u1", "root", java.util.Map.of("k", "v")));
		RecordedApiRequest request = take();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(target(request)).isEqualTo("/m/blue/iam/v1/whoami");
	}

	@Test
	void getOrg() {
		answer("GET", "/org/v1", 200, "{\"name\":\"acme\",\"email\":\"a@b.c\"}");
		Org org = this.clients.createClient(OrgApi.class).getOrg().block(Duration.ofSeconds(5));
		assertThat(org.name()).isEqualTo("acme");
		assertThat(org.email()).isEqualTo("a@b.c");
		assertThat(target(take())).isEqualTo("/m/blue/org/v1");
	}

	@Test
	void getAccount() {
		answer("GET", "/cost/v1/aws/accounts/123", 200,
				"{\"vendor\":\"aws\",\"id\":\"123\",\"name\":\"prod\",\"metadata\":[{\"key\":\"a\",\"value\":\"b\"}]}");
		Account account = this.clients.createClient(CostApi.class)
			.getAccount("aws", "123")
			.block(Duration.ofSeconds(5));
		assertThat(account.id()).isEqualTo("123");
		assertThat(account.metadata()).containsExactly(new KeyValue("a", "b"));
		RecordedApiRequest request = take();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(target(request)).isEqualTo("/m/blue/cost/v1/aws/accounts/123");
	}

	@Test
	void listAccountsStreamsWithQueryParameters() {
		answer("GET", "/cost/v1/aws/accounts", 200,
				"{\"result\":{\"id\":\"1\",\"name\":\"a\"}}\n{\"result\":{\"id\":\"2\",\"name\":\"b\"}}\n");
		List<Account> accounts = this.clients.createClient(CostApi.class)
			.listAccounts("aws", "g1", null)
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(accounts).extracting(Account::id).containsExactly("1", "2");
		RecordedApiRequest request = take();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(target(request)).isEqualTo("/m/blue/cost/v1/aws/accounts?groupId=g1");
	}

	@Test
	void listAccountsWithoutOptionalParameters() {
		answer("GET", "/cost/v1/gcp/accounts", 200, "{\"result\":{\"id\":\"1\"}}\n");
		assertThat(this.clients.createClient(CostApi.class).listAccounts("gcp").count().block(BLOCK)).isEqualTo(1);
		assertThat(target(take())).isEqualTo("/m/blue/cost/v1/gcp/accounts");
	}

	@Test
	void readCostsPostsSpecFieldNamesAndStreamsRows() {
		answer("POST", "/cost/v1/aws/costs:read", 200,
				"{\"result\":{\"aws\":{\"account\":\"123\",\"date\":\"2025-01-01\",\"productCode\":\"AmazonEC2\","
						+ "\"cost\":1.5,\"tags\":{\"env\":\"prod\"},\"unknownFutureField\":true}}}\n"
						+ "{\"result\":{\"aws\":{\"account\":\"123\",\"date\":\"2025-01-02\"}}}\n"
						+ "{\"error\":{\"code\":14,\"message\":\"backend unavailable\"}}\n");
		ReadCostsRequest body = ReadCostsRequest.of("123", "20250101", "20250131")
			.withAwsOptions(AwsOptions.groupBy("account,date"));
		StepVerifier.create(this.clients.createClient(CostApi.class).readCosts("aws", body)).assertNext((item) -> {
			assertThat(item.aws().productCode()).isEqualTo("AmazonEC2");
			assertThat(item.aws().cost()).isEqualTo(1.5);
			assertThat(item.aws().tags()).containsEntry("env", "prod");
			assertThat(item.gcp()).isNull();
		})
			.assertNext((item) -> assertThat(item.aws().cost()).as("proto3 omitted zero").isNull())
			.expectErrorSatisfies(
					(ex) -> assertThat(((BlueApiException) ex).getGrpcCode()).isEqualTo(GrpcCode.UNAVAILABLE))
			.verify(Duration.ofSeconds(5));
		RecordedApiRequest request = take();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(target(request)).isEqualTo("/m/blue/cost/v1/aws/costs:read");
		assertThat(request.contentType()).startsWith("application/json");
		JsonNode json = this.mapper.readTree(request.body());
		assertThat(json.propertyNames()).containsExactlyInAnyOrder("accountId", "startTime", "endTime", "awsOptions");
		assertThat(json.get("startTime").asString()).isEqualTo("20250101");
		assertThat(json.get("awsOptions").propertyNames()).containsExactly("groupByColumns");
	}

	@Test
	void non2xxOnTypedCallsIsBlueApiException() {
		answer("GET", "/cost/v1/aws/accounts/x", 404, "{\"code\":5,\"message\":\"account not found\"}");
		BlueApiException ex = catchThrowableOfType(BlueApiException.class,
				() -> this.clients.createClient(CostApi.class).getAccount("aws", "x").block(Duration.ofSeconds(5)));
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.NOT_FOUND);
		answer("POST", "/cost/v1/aws/costs:read", 401, "{\"code\":16,\"message\":\"expired\"}");
		StepVerifier
			.create(this.clients.createClient(CostApi.class).readCosts("aws", ReadCostsRequest.of(null, "a", "b")))
			.expectErrorSatisfies(
					(e) -> assertThat(((BlueApiException) e).getGrpcCode()).isEqualTo(GrpcCode.UNAUTHENTICATED))
			.verify(Duration.ofSeconds(5));
	}

}
