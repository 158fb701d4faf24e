package io.github.wavestarter.test;

import static io.github.wavestarter.test.WaveHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import io.github.wavestarter.test.junit.MockWaveServerTest;
import io.github.wavestarter.test.journal.RecordedApiRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulator serves every Blue API service under its real base and nothing else: a path
 * of the earlier flat tree ({@code /m/blue/v1/...}) gets grpc-gateway's 404, as Alphaus
 * answers it.
 */
@MockWaveServerTest
class RealPathsTests {

	static final String NOT_FOUND = "{\"code\":5,\"message\":\"Not Found\",\"details\":[]}";

	static MockWaveServer server;

	static WaveHttp http;

	static String token;

	@BeforeAll
	static void start(MockWaveServer started) {
		server = started;
		http = new WaveHttp(server);
		token = http.accessToken();
	}

	@Test
	void costIsServedUnderItsBaseOnly() {
		HttpResponse<String> real = http.get("/cost/v1/aws/accounts", token);
		HttpResponse<String> flat = http.get("/v1/aws/accounts", token);
		HttpResponse<String> flatCosts = http.post("/v1/aws/costs:read", token, "{}");

		assertThat(real.statusCode()).isEqualTo(200);
		assertThat(flat.statusCode()).isEqualTo(404);
		assertThat(flat.body()).isEqualTo(NOT_FOUND);
		assertThat(flatCosts.statusCode()).isEqualTo(404);
		assertThat(flatCosts.body()).isEqualTo(NOT_FOUND);
		assertThat(server.apiRequests()).extracting(RecordedApiRequest::path)
			.containsExactly("/cost/v1/aws/accounts", "/v1/aws/accounts", "/v1/aws/costs:read");
	}

	@Test
	void servicesAtTheRootAreServedUnderTheirOwnSegmentOnly() {
		assertThat(http.get("/iam/v1/whoami", token).statusCode()).isEqualTo(200);
		assertThat(http.get("/org/v1", token).statusCode()).isEqualTo(200);
		assertThat(http.get("/cost/iam/v1/whoami", token).body()).isEqualTo(NOT_FOUND);
		assertThat(http.get("/cost/org/v1", token).body()).isEqualTo(NOT_FOUND);
		assertThat(http.get("/v1/org", token).body()).isEqualTo(NOT_FOUND);
	}

	@Test
	void anUnknownPathIsNotFoundWhateverTheToken() {
		for (String token : new String[] { token, null, "not-a-token" }) {
			for (String path : List.of("/v1/aws/accounts", "/cost/v1/aws/nothing-here", "/nothing", "/")) {
				HttpResponse<String> response = http.get(path, token);
				assertThat(response.statusCode()).as(path).isEqualTo(404);
				assertThat(response.body()).as(path).isEqualTo(NOT_FOUND);
			}
		}
		assertThat(http.get("/cost/v1/aws/accounts", null).statusCode()).isEqualTo(401);
	}

	@Test
	void stubsAndFaultsAreAcceptedAtRealPathsOnly() {
		server.stub("GET", "/billing/v1/billinggroups").thenStream(List.of(Map.of("billingInternalId", "bg-1")));
		server.stub("GET", "/gc/v1/commitments").thenReturn("{}");
		server.stub("GET", "/admin/v1/acctgroups/{id}").thenReturn("{}");

		assertThat(json(http.get("/billing/v1/billinggroups", token).body().lines().findFirst().orElseThrow())
			.path("result")
			.path("billingInternalId")
			.asString()).isEqualTo("bg-1");
		assertThat(http.get("/gc/v1/commitments", token).statusCode()).isEqualTo(200);
		assertThat(http.get("/admin/v1/acctgroups/g1", token).statusCode()).isEqualTo(200);
		assertThat(http.get("/v1/billinggroups", token).body()).isEqualTo(NOT_FOUND);
		assertThatIllegalArgumentException().isThrownBy(() -> server.stub("GET", "/v1/billinggroups"))
			.withMessageContaining("No Blue API service serves /v1/billinggroups")
			.withMessageContaining("Billing /billing/");
		assertThatIllegalArgumentException().isThrownBy(() -> server.stub("POST", "/v1/aws/costs:read"))
			.withMessageContaining("/cost/v1/aws/costs:read");
		assertThatIllegalArgumentException().isThrownBy(() -> server.api("/v1/{vendor}/accounts"));
		assertThatIllegalArgumentException().isThrownBy(() -> server.stub("GET", "/cost"));
	}

}
