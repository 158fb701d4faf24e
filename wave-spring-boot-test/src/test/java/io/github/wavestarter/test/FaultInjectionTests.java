package io.github.wavestarter.test;

import static io.github.wavestarter.test.WaveHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wavestarter.test.fault.FaultTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

class FaultInjectionTests extends EmulatorFixture {

	private static final String COSTS = "/cost/v1/aws/costs:read";

	private static final String MAY = "{\"startTime\":\"20240501\",\"endTime\":\"20240531\"}";

	@Test
	void statusWithRetryAfterForTheNextTwoTokenCallsOnly() {
		server.faults().token().failNext(2).withStatus(503).withHeader("Retry-After", "1");

		HttpResponse<String> first = http.tokenMultipart(http.clientCredentialsForm());
		HttpResponse<String> second = http.tokenMultipart(http.clientCredentialsForm());
		HttpResponse<String> third = http.tokenMultipart(http.clientCredentialsForm());

		for (HttpResponse<String> failed : List.of(first, second)) {
			assertThat(failed.statusCode()).isEqualTo(503);
			assertThat(failed.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(json(failed.body()).get("error").asString()).isEqualTo("temporarily_unavailable");
		}
		assertThat(third.statusCode()).isEqualTo(200);
		assertThat(third.headers().firstValue("Retry-After")).isEmpty();
		assertThat(server.faults().pending()).isEmpty();
		assertThat(server.journal().tokenRequestCount()).isEqualTo(3);
	}

	@Test
	void statusWithCustomBodyOnOneApiPath() {
		server.faults()
			.api("/iam/v1/whoami")
			.failNext(1)
			.withStatus(429, "{\"code\":8,\"message\":\"slow down\",\"details\":[]}")
			.withRetryAfter(2);

		HttpResponse<String> otherPath = http.get("/org/v1", token);
		HttpResponse<String> failed = http.get("/iam/v1/whoami", token);
		HttpResponse<String> recovered = http.get("/iam/v1/whoami", token);

		assertThat(otherPath.statusCode()).isEqualTo(200);
		assertThat(failed.statusCode()).isEqualTo(429);
		assertThat(failed.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(json(failed.body()).get("message").asString()).isEqualTo("slow down");
		assertThat(recovered.statusCode()).isEqualTo(200);
	}

	@Test
	void statusOnlyFaultOnApiAnswersGrpcGatewayError() {
		server.faults().api().failNext(1).withStatus(503);

		HttpResponse<String> failed = http.get("/cost/v1/aws/accounts/123456789012", token);

		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(json(failed.body()).get("code").asInt()).isEqualTo(14);
		assertThat(json(failed.body()).get("details").isArray()).isTrue();
	}

	@Test
	void pathTemplatesMatchOneSegment() {
		server.faults().api("/cost/v1/{vendor}/accounts/{id}").failNext(1).withStatus(500);

		assertThat(http.get("/cost/v1/aws/accounts", token).statusCode()).isEqualTo(200);
		assertThat(http.get("/cost/v1/gcp/accounts/mock-project-dev", token).statusCode()).isEqualTo(500);
		assertThat(http.get("/cost/v1/gcp/accounts/mock-project-dev", token).statusCode()).isEqualTo(200);
	}

	@Test
	void delayHoldsTheResponseThenAnswersNormally() {
		server.faults().api().failNext(1).withDelay(Duration.ofMillis(400));

		long start = System.nanoTime();
		HttpResponse<String> delayed = http.get("/iam/v1/whoami", token);
		long delayedMillis = (System.nanoTime() - start) / 1_000_000;
		start = System.nanoTime();
		HttpResponse<String> normal = http.get("/iam/v1/whoami", token);
		long normalMillis = (System.nanoTime() - start) / 1_000_000;

		assertThat(delayed.statusCode()).isEqualTo(200);
		assertThat(delayedMillis).isGreaterThanOrEqualTo(400);
		assertThat(normal.statusCode()).isEqualTo(200);
		assertThat(normalMillis).isLessThan(300);
	}

	@Test
	void droppedConnectionOnTokenEndpoint() {
		server.faults().token().failNext(1).withDroppedConnection();

		assertThatThrownBy(() -> http.tokenMultipart(http.clientCredentialsForm()))
			.isInstanceOf(UncheckedIOException.class)
			.hasCauseInstanceOf(IOException.class);
		assertThat(http.tokenMultipart(http.clientCredentialsForm()).statusCode()).isEqualTo(200);
		assertThat(server.journal().tokenRequestCount()).isEqualTo(2);
	}

	@Test
	void droppedConnectionOnApi() {
		server.faults().api(COSTS).failNext(1).withDroppedConnection();

		assertThatThrownBy(() -> http.post(COSTS, token, MAY)).isInstanceOf(UncheckedIOException.class);
		assertThat(http.post(COSTS, token, MAY).statusCode()).isEqualTo(200);
	}

	@Test
	void unavailableFaultOnApiAnswersCode14WithRetryAfter() {
		server.faults().api(COSTS).failNext(1).withStatus(503).withRetryAfter(3);

		HttpResponse<String> failed = http.post(COSTS, token, MAY);

		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(failed.headers().firstValue("Retry-After")).hasValue("3");
		assertThat(failed.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(failed.body())
			.isEqualTo("{\"code\":14,\"message\":\"HTTP 503 (injected by MockWaveServer)\",\"details\":[]}");
		HttpResponse<String> recovered = http.post(COSTS, token, MAY);
		assertThat(recovered.statusCode()).isEqualTo(200);
		assertThat(recovered.headers().firstValue("Retry-After")).isEmpty();
	}

	@Test
	@Timeout(30)
	void droppedConnectionOnApiClosesItBeforeAnyResponseByte() throws IOException {
		server.faults().api("/iam/v1/whoami").failNext(1).withDroppedConnection();

		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET /m/blue/iam/v1/whoami HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
						+ "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			try {
				InputStream in = socket.getInputStream();
				for (int b = in.read(); b >= 0; b = in.read()) {
					received.write(b);
				}
			}
			catch (SocketTimeoutException e) {
				throw new AssertionError("the connection was not closed", e);
			}
			catch (SocketException reset) {
				// a reset is a closed connection too
			}
			assertThat(received.toByteArray()).as("bytes before the connection closed").isEmpty();
		}
		assertThat(http.get("/iam/v1/whoami", token).statusCode()).isEqualTo(200);
		assertThat(server.journal().apiRequestCount()).isEqualTo(2);
	}

	@Test
	void htmlBodyFromAProxy() {
		server.faults().token().failNext(1).withHtmlBody();

		HttpResponse<String> html = http.tokenMultipart(http.clientCredentialsForm());

		assertThat(html.statusCode()).isEqualTo(502);
		assertThat(html.headers().firstValue("Content-Type"))
			.hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
		assertThat(html.body()).startsWith("<html>").contains("Bad Gateway");
		assertThat(http.tokenMultipart(http.clientCredentialsForm()).statusCode()).isEqualTo(200);
	}

	@Test
	void truncatedJsonOnTokenAndUnaryApi() {
		server.faults().token().failNext(1).withTruncatedJson();
		server.faults().api("/org/v1").failNext(1).withTruncatedJson();

		HttpResponse<String> tokenResponse = http.tokenMultipart(http.clientCredentialsForm());
		HttpResponse<String> orgResponse = http.get("/org/v1", token);

		assertThat(tokenResponse.statusCode()).isEqualTo(200);
		assertThat(tokenResponse.body()).startsWith("{\"id_token\":");
		assertThatThrownBy(() -> json(tokenResponse.body())).isInstanceOf(JacksonException.class);
		assertThatThrownBy(() -> json(orgResponse.body())).isInstanceOf(JacksonException.class);
		assertThat(json(http.get("/org/v1", token).body()).get("name").asString()).isEqualTo("mock-org");
	}

	@Test
	void truncatedJsonOnStreamCutsTheFirstLine() {
		server.faults().api(COSTS).failNext(1).withTruncatedJson();

		String body = http.post(COSTS, token, MAY).body();

		assertThat(body).startsWith("{\"result\":").doesNotContain("\n");
		assertThatThrownBy(() -> json(body)).isInstanceOf(JacksonException.class);
	}

	@Test
	void midStreamErrorAfterKRowsThenNormalStreams() {
		server.faults().api(COSTS).failNext(2).withMidStreamError(5, 14, "backend unavailable");

		for (int i = 0; i < 2; i++) {
			HttpResponse<String> response = http.post(COSTS, token, MAY);
			assertThat(response.statusCode()).isEqualTo(200);
			List<String> lines = response.body().lines().toList();
			assertThat(lines).hasSize(6);
			assertThat(lines.subList(0, 5)).allMatch(l -> l.startsWith("{\"result\":"));
			JsonNode error = json(lines.get(5)).get("error");
			assertThat(error.get("code").asInt()).isEqualTo(14);
			assertThat(error.get("message").asString()).isEqualTo("backend unavailable");
			assertThat(error.get("details").isArray()).isTrue();
		}
		assertThat(http.post(COSTS, token, MAY).body().lines()).hasSize(31 * 3 * 7)
			.allMatch(l -> l.startsWith("{\"result\":"));
	}

	@Test
	void enqueueFaultIsTheNonFluentEquivalent() {
		server.faults().arm(FaultTarget.allApi(), 3).withStatus(500);

		assertThat(server.faults().pending()).hasSize(1);
		assertThat(server.faults().pending().get(0).remaining()).isEqualTo(3);
		for (int i = 0; i < 3; i++) {
			assertThat(http.get("/org/v1", token).statusCode()).isEqualTo(500);
		}
		assertThat(http.get("/org/v1", token).statusCode()).isEqualTo(200);
		assertThat(server.journal().tokenRequestCount()).isZero();
	}

	@Test
	void resetDisarmsFaults() {
		server.faults().token().failNext(5).withStatus(500);
		server.reset();

		assertThat(http.tokenMultipart(http.clientCredentialsForm()).statusCode()).isEqualTo(200);
	}

}
