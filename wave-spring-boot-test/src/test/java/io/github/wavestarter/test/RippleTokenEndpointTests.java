package io.github.wavestarter.test;

import static io.github.wavestarter.test.WaveHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.github.wavestarter.test.journal.RecordedTokenRequest;
import org.junit.jupiter.api.Test;

/**
 * Ripple and Wave clients get their tokens from different endpoints
 * ({@code /ripple/access_token} and {@code /access_token}); each endpoint knows only the
 * clients of its product.
 */
class RippleTokenEndpointTests {

	@Test
	void aRippleClientGetsItsTokenFromTheRipplePathOnly() {
		try (MockWaveServer server = MockWaveServer.builder().ripple(true).start()) {
			WaveHttp http = new WaveHttp(server);

			HttpResponse<String> ripple = http.tokenMultipart(http.clientCredentialsForm());
			HttpResponse<String> wave = tokenAt(server.rootUrl() + "/access_token", http);

			assertThat(server.isRipple()).isTrue();
			assertThat(server.tokenUri()).isEqualTo(server.rootUrl() + "/ripple/access_token");
			assertThat(ripple.statusCode()).isEqualTo(200);
			String token = json(ripple.body()).path("access_token").asString();
			assertThat(http.get("/cost/v1/aws/accounts", token).statusCode()).isEqualTo(200);
			assertThat(wave.statusCode()).isEqualTo(401);
			assertThat(json(wave.body()).path("error").asString()).isEqualTo("invalid_client");
			assertThat(server.journal().tokenRequests()).extracting(RecordedTokenRequest::path)
				.containsExactly("/ripple/access_token", "/access_token");
			assertThat(server.journal().tokenRequests()).extracting(RecordedTokenRequest::isRipple)
				.containsExactly(true, false);
			assertThat(server.journal().lastTokenRequest().toString()).contains("POST /access_token");
		}
	}

	@Test
	void aWaveClientIsUnknownToTheRipplePath() {
		try (MockWaveServer server = MockWaveServer.start()) {
			WaveHttp http = new WaveHttp(server);

			HttpResponse<String> ripple = tokenAt(server.rootUrl() + "/ripple/access_token", http);

			assertThat(server.isRipple()).isFalse();
			assertThat(server.tokenUri()).isEqualTo(server.rootUrl() + "/access_token");
			assertThat(ripple.statusCode()).isEqualTo(401);
			assertThat(json(ripple.body()).path("error").asString()).isEqualTo("invalid_client");
			assertThat(server.journal().lastTokenRequest().isRipple()).isTrue();
			assertThat(http.tokenMultipart(http.clientCredentialsForm()).statusCode()).isEqualTo(200);
		}
	}

	private static HttpResponse<String> tokenAt(String uri, WaveHttp http) {
		WaveHttp.Multipart form = WaveHttp.Multipart.of(http.clientCredentialsForm());
		return WaveHttp.send(HttpRequest.newBuilder(URI.create(uri))
			.header("Content-Type", form.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
			.build());
	}

}
