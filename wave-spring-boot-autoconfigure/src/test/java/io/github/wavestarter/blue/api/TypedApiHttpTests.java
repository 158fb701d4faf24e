package io.github.wavestarter.blue.api;

import java.time.Duration;
import java.util.List;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.wavestarter.blue.BlueApiClients;
import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.blue.GrpcCode;

import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Typed clients against MockWebServer: method, path, query, body JSON and decoding. */
class TypedApiHttpTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private final JsonMapper mapper = JsonMapper.builder().build();

	private MockWebServer server;

	private BlueApiClients clients;

	@BeforeEach
	void start() throws Exception {
		this.server = new MockWebServer();
		this.server.start();
		// base URL with a path prefix, like https://api.alphaus.cloud/m/blue
		WebClient webClient = WebClient.builder().baseUrl(this.server.url("/m/blue").toString()).build();
		this.clients = BlueApiClients.create(webClient, BlueStreams.create(this.mapper, DataSize.ofMegabytes(1)));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private void enqueue(int code, String body) {
		this.server.enqueue(
				new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build());
	}

	private RecordedRequest take() throws InterruptedException {
		return this.server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
	}

	@Test
	void whoAmI() throws Exception {
		enqueue(200, "{\"id\":\"u1\",\"parent\":\"root\",\"metadata\":{\"k\":\"v\"},\"newField\":1}");
		ApiUser user = this.clients.createClient(IamApi.class).whoAmI().block(Duration.ofSeconds(5));
		assertThat(user).isEqualTo(new ApiUser("u1", "root", java.util.Map.of("k", "v")));
		RecordedRequest request = take();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/m/blue/iam/v1/whoami");
	}

	@Test
	void getOrg() throws Exception {
		enqueue(200, "{\"name\":\"acme\",\"email\":\"a@b.c\"}");
		Org org = this.clients.createClient(OrgApi.class).getOrg().block(Duration.ofSeconds(5));
		assertThat(org.name()).isEqualTo("acme");
		assertThat(org.email()).isEqualTo("a@b.c");
		assertThat(take().getTarget()).isEqualTo("/m/blue/org/v1");
	}

	@Test
	void getAccount() throws Exception {
		enqueue(200,
				"{\"vendor\":\"aws\",\"id\":\"123\",\"name\":\"prod\",\"metadata\":[{\"key\":\"a\",\"value\":\"b\"}]}");
		Account account = this.clients.createClient(CostApi.class)
			.getAccount("aws", "123")
			.block(Duration.ofSeconds(5));
		assertThat(account.id()).isEqualTo("123");
		assertThat(account.metadata()).containsExactly(new KeyValue("a", "b"));
		RecordedRequest request = take();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/m/blue/cost/v1/aws/accounts/123");
	}

	@Test
	void listAccountsStreamsWithQueryParameters() throws Exception {
		enqueue(200, "{\"result\":{\"id\":\"1\",\"name\":\"a\"}}\n{\"result\":{\"id\":\"2\",\"name\":\"b\"}}\n");
		List<Account> accounts = this.clients.createClient(CostApi.class)
			.listAccounts("aws", "g1", null)
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(accounts).extracting(Account::id).containsExactly("1", "2");
		RecordedRequest request = take();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/m/blue/cost/v1/aws/accounts?groupId=g1");
	}

	@Test
	void listAccountsWithoutOptionalParameters() throws Exception {
		enqueue(200, "{\"result\":{\"id\":\"1\"}}\n");
		assertThat(this.clients.createClient(CostApi.class).listAccounts("gcp").count().block(BLOCK)).isEqualTo(1);
		assertThat(take().getTarget()).isEqualTo("/m/blue/cost/v1/gcp/accounts");
	}

	@Test
	void readCostsPostsSpecFieldNamesAndStreamsRows() throws Exception {
		enqueue(200,
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
		RecordedRequest request = take();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/m/blue/cost/v1/aws/costs:read");
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		JsonNode json = this.mapper.readTree(request.getBody().utf8());
		assertThat(json.propertyNames()).containsExactlyInAnyOrder("accountId", "startTime", "endTime", "awsOptions");
		assertThat(json.get("startTime").asString()).isEqualTo("20250101");
		assertThat(json.get("awsOptions").propertyNames()).containsExactly("groupByColumns");
	}

	@Test
	void non2xxOnTypedCallsIsBlueApiException() {
		enqueue(404, "{\"code\":5,\"message\":\"account not found\"}");
		BlueApiException ex = catchThrowableOfType(BlueApiException.class,
				() -> this.clients.createClient(CostApi.class).getAccount("aws", "x").block(Duration.ofSeconds(5)));
		assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.NOT_FOUND);
		enqueue(401, "{\"code\":16,\"message\":\"expired\"}");
		StepVerifier
			.create(this.clients.createClient(CostApi.class).readCosts("aws", ReadCostsRequest.of(null, "a", "b")))
			.expectErrorSatisfies(
					(e) -> assertThat(((BlueApiException) e).getGrpcCode()).isEqualTo(GrpcCode.UNAUTHENTICATED))
			.verify(Duration.ofSeconds(5));
	}

}
