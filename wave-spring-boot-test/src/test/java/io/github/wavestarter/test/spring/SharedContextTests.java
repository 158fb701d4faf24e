package io.github.wavestarter.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wavestarter.test.MockApiClient;
import io.github.wavestarter.test.MockWaveClient;
import io.github.wavestarter.test.MockWaveServer;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Test classes with equal {@link EnableMockWave} settings share Spring's cached context
 * and its emulator, and the listener resets the emulator between their test methods.
 * Drives Spring's TestContext framework (and its real context cache) the way the JUnit
 * extension does, for three test classes.
 */
class SharedContextTests {

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

	@SpringJUnitConfig(Config.class)
	@EnableMockWave(clientId = "shared-client")
	static class First {

		void test() {
		}

	}

	@SpringJUnitConfig(Config.class)
	@EnableMockWave(clientId = "shared-client")
	static class Second {

		void test() {
		}

	}

	@SpringJUnitConfig(Config.class)
	@EnableMockWave(clientId = "other-client")
	static class OtherSettings {

		void test() {
		}

	}

	@SpringJUnitConfig(Config.class)
	@EnableMockWave(clientId = "shared-client",
			clients = @MockWaveClient(name = "acme", clientId = "acme-id", clientSecret = "acme-secret"))
	static class WithAcme {

	}

	@SpringJUnitConfig(Config.class)
	@EnableMockWave(clientId = "shared-client",
			clients = @MockWaveClient(name = "acme", clientId = "acme-id", clientSecret = "acme-secret"))
	static class WithAcmeToo {

	}

	@SpringJUnitConfig(Config.class)
	@EnableMockWave(clientId = "shared-client",
			clients = @MockWaveClient(name = "acme", clientId = "acme-id", clientSecret = "rotated-secret"))
	static class WithAcmeRotated {

	}

	@Test
	void classesWithDifferentClientDeclarationsDoNotShareAContext() {
		MockWaveServer plain = server(new TestContextManager(First.class));
		MockWaveServer acme = server(new TestContextManager(WithAcme.class));
		MockWaveServer acmeToo = server(new TestContextManager(WithAcmeToo.class));
		MockWaveServer rotated = server(new TestContextManager(WithAcmeRotated.class));

		assertThat(acmeToo).isSameAs(acme);
		assertThat(acme).isNotSameAs(plain).isNotSameAs(rotated);
		assertThat(plain.clients()).isEmpty();
		assertThat(acme.clients()).extracting(MockApiClient::clientSecret).containsExactly("acme-secret");
		assertThat(rotated.clients()).extracting(MockApiClient::clientSecret).containsExactly("rotated-secret");
	}

	@Test
	void classesWithEqualSettingsShareOneContextAndOneServer() {
		MockWaveServer first = server(new TestContextManager(First.class));
		MockWaveServer second = server(new TestContextManager(Second.class));
		MockWaveServer other = server(new TestContextManager(OtherSettings.class));

		assertThat(second).isSameAs(first);
		assertThat(second.port()).isEqualTo(first.port());
		assertThat(first.clientId()).isEqualTo("shared-client");
		assertThat(other).isNotSameAs(first);
		assertThat(other.port()).isNotEqualTo(first.port());
		assertThat(other.clientId()).isEqualTo("other-client");
		assertThat(first.isClosed()).isFalse();
		assertThat(other.isClosed()).isFalse();
	}

	@Test
	void stateSetInOneTestDoesNotLeakIntoTheNextTestOfAnotherClass() throws Exception {
		TestContextManager firstManager = new TestContextManager(First.class);
		First first = new First();
		Method firstTest = First.class.getDeclaredMethod("test");
		firstManager.prepareTestInstance(first);
		firstManager.beforeTestMethod(first, firstTest);
		MockWaveServer server = server(firstManager);
		server.stubs().stub("GET", "/billing/v1/billinggroups").thenReturn("{\"groups\":[]}");
		server.tokens().lenientFormEncoding(true);
		assertThat(urlEncodedTokenRequest(server).statusCode()).isEqualTo(200);
		server.faults().token().failNext(3).withStatus(503);
		assertThat(get(server, "/org/v1").statusCode()).isEqualTo(401);
		assertThat(server.journal().apiRequestCount()).isEqualTo(1);
		assertThat(server.journal().tokenRequestCount()).isEqualTo(1);
		assertThat(server.faults().pending()).hasSize(1);
		firstManager.afterTestMethod(first, firstTest, null);

		TestContextManager secondManager = new TestContextManager(Second.class);
		Second second = new Second();
		Method secondTest = Second.class.getDeclaredMethod("test");
		secondManager.prepareTestInstance(second);
		secondManager.beforeTestMethod(second, secondTest);
		try {
			assertThat(server(secondManager)).isSameAs(server);
			assertThat(server.journal().apiRequestCount()).isZero();
			assertThat(server.journal().tokenRequests()).isEmpty();
			assertThat(server.stubs().all()).isEmpty();
			assertThat(server.faults().pending()).isEmpty();
			// the runtime setting is back to the built one: multipart only
			assertThat(urlEncodedTokenRequest(server).statusCode()).isEqualTo(400);
		}
		finally {
			secondManager.afterTestMethod(second, secondTest, null);
		}
	}

	private static MockWaveServer server(TestContextManager manager) {
		return manager.getTestContext().getApplicationContext().getBean(MockWaveServer.class);
	}

	private static HttpResponse<String> get(MockWaveServer server, String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build());
	}

	private static HttpResponse<String> urlEncodedTokenRequest(MockWaveServer server) throws Exception {
		String body = "grant_type=client_credentials&client_id=" + server.clientId() + "&client_secret="
				+ server.clientSecret() + "&scope=openid";
		return send(HttpRequest.newBuilder(URI.create(server.tokenUri()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
