package io.github.wavestarter.test.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wavestarter.test.MockWaveServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@MockWaveServerTest(clientId = "junit-client", clientSecret = "junit-secret", tokenExpiresInSeconds = 60)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MockWaveServerTestAnnotationTests {

	static MockWaveServer fromBeforeAll;

	private final MockWaveServer fromConstructor;

	MockWaveServerTestAnnotationTests(MockWaveServer server) {
		this.fromConstructor = server;
	}

	@BeforeAll
	static void captureServer(MockWaveServer server) {
		fromBeforeAll = server;
	}

	@Test
	@Order(1)
	void injectsOneLiveServerPerClassConfiguredByTheAnnotation(MockWaveServer server) throws Exception {
		assertThat(server).isSameAs(fromConstructor).isSameAs(fromBeforeAll);
		assertThat(server.isClosed()).isFalse();
		assertThat(server.clientId()).isEqualTo("junit-client");
		assertThat(server.clientSecret()).isEqualTo("junit-secret");

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/org/v1")).GET().build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(server.journal().apiRequestCount()).isEqualTo(1);
	}

	@Test
	@Order(2)
	void resetsTheServerAfterEachTest(MockWaveServer server) {
		assertThat(server).isSameAs(fromBeforeAll);
		assertThat(server.journal().apiRequestCount()).isZero();
	}

	@Nested
	class NestedTests {

		@Test
		void nestedClassesShareTheServer(MockWaveServer server) {
			assertThat(server).isSameAs(fromBeforeAll);
		}

	}

}
