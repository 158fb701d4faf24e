package io.github.wavestarter.test;

import static io.github.wavestarter.test.WaveHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.wavestarter.test.fault.HostileToken;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The faults for hardening tests: redirects, hostile token bodies, odd {@code expires_in}
 * values and trickling bodies, as a plain JDK client sees them on the wire.
 */
class HostileFaultTests extends EmulatorFixture {

	@Test
	void redirectOfTheTokenEndpointHasLocationAndNoBody() {
		server.faults().token().failNext(1).withRedirect(307, "http://127.0.0.1:9/collect?x=1");

		HttpResponse<String> redirected = http.tokenMultipart(http.clientCredentialsForm());

		assertThat(redirected.statusCode()).isEqualTo(307);
		assertThat(redirected.headers().firstValue("Location")).hasValue("http://127.0.0.1:9/collect?x=1");
		assertThat(redirected.body()).isEmpty();
		assertThat(http.tokenMultipart(http.clientCredentialsForm()).statusCode()).isEqualTo(200);
	}

	@Test
	void redirectOfTheApi() {
		server.faults().api("/iam/v1/whoami").failNext(1).withRedirect(302, "/foreign/path");

		HttpResponse<String> redirected = http.get("/iam/v1/whoami", token);

		assertThat(redirected.statusCode()).isEqualTo(302);
		assertThat(redirected.headers().firstValue("Location")).hasValue("/foreign/path");
	}

	@Test
	void redirectNeedsA3xxStatus() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> server.faults().token().failNext(1).withRedirect(200, "/x"))
			.withMessageContaining("3xx");
	}

	@Test
	void hostileTokensAreSentExactlyAsJson() {
		for (HostileToken hostile : HostileToken.values()) {
			server.faults().token().failNext(1).withHostileToken(hostile);
			HttpResponse<String> response = http.tokenMultipart(http.clientCredentialsForm());
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode body = json(response.body());
			assertThat(body.get("access_token")).as(hostile.name()).isEqualTo(WaveHttp.JSON.readTree(hostile.json()));
			assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		}
		JsonNode crlf = json(tokenBody(HostileToken.CR_LF));
		assertThat(crlf.get("access_token").asString()).contains("\r\n");
		assertThat(json(tokenBody(HostileToken.NUL)).get("access_token").asString()).contains("\u0000");
		assertThat(json(tokenBody(HostileToken.OVERSIZED)).get("access_token").asString()).hasSize(70 * 1024)
			.matches("[A-Za-z0-9\\-._~+/]+=*");
		assertThat(List.of(HostileToken.JSON_OBJECT, HostileToken.JSON_ARRAY, HostileToken.JSON_NUMBER,
				HostileToken.JSON_BOOLEAN))
			.allSatisfy((hostile) -> assertThat(json(tokenBody(hostile)).get("access_token").isString()).isFalse());
	}

	@Test
	void expiresInIsSentAsGiven() {
		server.faults().token().failNext(1).withExpiresInJson("1e300");

		JsonNode body = json(http.tokenMultipart(http.clientCredentialsForm()).body());

		assertThat(body.get("expires_in").isNumber()).isTrue();
		assertThat(body.get("expires_in").asDouble()).isEqualTo(1e300);
		assertThat(body.get("access_token").asString()).isNotBlank();
	}

	@Test
	void tricklingBodyArrivesWholeButSlowly() {
		server.faults().token().failNext(1).withTricklingBody(16, Duration.ofMillis(20));

		long start = System.nanoTime();
		HttpResponse<String> slow = http.tokenMultipart(http.clientCredentialsForm());
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(slow.statusCode()).isEqualTo(200);
		String accessToken = json(slow.body()).get("access_token").asString();
		int chunks = (slow.body().length() + 15) / 16;
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(20L * chunks));
		assertThat(http.get("/iam/v1/whoami", accessToken).statusCode()).isEqualTo(200);
	}

	@Test
	void tricklingStreamKeepsItsLines() {
		String normal = http.get("/cost/v1/aws/accounts", token).body();
		server.faults().api("/cost/v1/aws/accounts").failNext(1).withTricklingBody(7, Duration.ofMillis(1));

		HttpResponse<String> slow = http.get("/cost/v1/aws/accounts", token);

		assertThat(slow.statusCode()).isEqualTo(200);
		assertThat(normal.lines()).isNotEmpty().allMatch((line) -> line.startsWith("{\"result\":"));
		assertThat(slow.body()).isEqualTo(normal);
	}

	private String tokenBody(HostileToken hostile) {
		server.faults().token().failNext(1).withHostileToken(hostile);
		return http.tokenMultipart(http.clientCredentialsForm()).body();
	}

}
