package io.github.wavestarter.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Stubs that answer raw text: a body not checked as JSON, chunks exactly as published;
 * and the request's content type in the journal.
 */
class RawStubTests extends EmulatorFixture {

	@Test
	void rawBodyIsAnsweredAsGivenWithItsContentTypeOrNone() {
		server.stubs().stub("GET", "/iam/v1/whoami").thenRespond(502, "text/html", "<html>Bad Gateway");

		HttpResponse<String> page = http.get("/iam/v1/whoami", token);

		assertThat(page.statusCode()).isEqualTo(502);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html");
		assertThat(page.body()).isEqualTo("<html>Bad Gateway");

		server.stubs().stub("GET", "/org/v1").thenRespond(503, null, "");
		HttpResponse<String> empty = http.get("/org/v1", token);

		assertThat(empty.statusCode()).isEqualTo(503);
		assertThat(empty.headers().firstValue("Content-Type")).isEmpty();
		assertThat(empty.body()).isEmpty();
	}

	@Test
	void chunksAreWrittenAsPublishedWithNothingAdded() {
		List<String> pieces = List.of("{\"result\":{\"id\"", ":\"1\"}}\n{\"res", "ult\":{\"id\":\"2\"}}\n");
		server.stubs()
			.stub("GET", "/cost/v1/aws/accounts")
			.thenChunks(() -> Flux.fromIterable(pieces).delayElements(Duration.ofMillis(5)));

		HttpResponse<String> response = http.get("/cost/v1/aws/accounts", token);
		HttpResponse<String> again = http.get("/cost/v1/aws/accounts", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo(String.join("", pieces));
		assertThat(again.body()).as("a new publisher per request").isEqualTo(response.body());
	}

	@Test
	void stubbedRawAnswersStillNeedAValidToken() {
		server.stubs().stub("GET", "/iam/v1/whoami").thenRespond(200, "text/plain", "ok");

		assertThat(http.get("/iam/v1/whoami", null).statusCode()).isEqualTo(401);
		assertThat(http.get("/iam/v1/whoami", token).body()).isEqualTo("ok");
	}

	@Test
	void journalRecordsTheContentType() {
		http.post("/cost/v1/aws/costs:read", token, "{\"startTime\":\"20240501\",\"endTime\":\"20240501\"}");
		http.get("/org/v1", token);

		assertThat(server.journal().apiRequests()).extracting((request) -> request.contentType())
			.containsExactly("application/json", null);
	}

}
