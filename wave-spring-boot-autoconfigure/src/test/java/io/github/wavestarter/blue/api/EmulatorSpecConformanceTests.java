package io.github.wavestarter.blue.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.internal.BlueService;
import io.github.wavestarter.testsupport.BlueApiSpec;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The emulator knows the service bases the Blue API reference gives ({@link BlueApiSpec};
 * skipped where the file is absent): every one of its operations can be stubbed and
 * called at its real URL, and, for the services with a base of their own, the same path
 * without the base is refused by {@code stub()} and answered 404 over HTTP, as the flat
 * {@code /m/blue/v1/...} paths the starter once used.
 */
class EmulatorSpecConformanceTests {

	private static final String NOT_FOUND = "{\"code\":5,\"message\":\"Not Found\",\"details\":[]}";

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private BlueApiSpec spec;

	private static MockWaveServer server;

	private static String token;

	@BeforeAll
	static void start() {
		server = MockWaveServer.start();
		token = server.tokens().issueAccessToken();
	}

	@BeforeEach
	void loadSpec() {
		this.spec = BlueApiSpec.load();
		server.reset();
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void theEmulatorsServicesAreTheSpecTagsWithTheirBases() {
		Map<String, String> emulated = new TreeMap<>();
		for (BlueService service : BlueService.values()) {
			emulated.put(service.tag(), service.base());
		}

		assertThat(emulated).isEqualTo(new TreeMap<>(this.spec.tagBases()));
	}

	@Test
	void everyOperationIsServedByItsOwnServiceOnly() {
		for (BlueApiSpec.Operation operation : this.spec.operations()) {
			assertThat(BlueService.serving(operation.path())).as("%s %s", operation.method(), operation.path())
				.extracting(BlueService::tag)
				.isEqualTo(operation.tag());
		}
	}

	@Test
	void everyOperationCanBeStubbedAndCalledAtItsRealUrlOnly() throws Exception {
		List<String> failures = new ArrayList<>();
		for (BlueApiSpec.Operation operation : this.spec.operations()) {
			assertThatNoException().isThrownBy(() -> server.stubs()
				.stub(operation.method(), operation.path())
				.thenReturn("{\"operation\":\"" + operation.node().path("operationId").asString() + "\"}"));
		}
		int wrongPaths = 0;
		for (BlueApiSpec.Operation operation : this.spec.operations()) {
			String path = operation.path().replaceAll("\\{[^}]+}", "p1");
			HttpResponse<String> real = send(operation.method(), path);
			if (real.statusCode() != 200) {
				failures.add(operation.method() + " " + path + " -> " + real.statusCode() + " " + real.body());
			}
			// the path without the service base; a few of Billing's start with /billing
			// themselves, so they are real URLs too (/m/blue/billing/billing/v1/...)
			if (!this.spec.tagBases().get(operation.tag()).isEmpty()
					&& BlueService.serving(operation.specPath()) == null) {
				String flat = operation.specPath().replaceAll("\\{[^}]+}", "p1");
				HttpResponse<String> wrong = send(operation.method(), flat);
				if (wrong.statusCode() != 404 || !wrong.body().equals(NOT_FOUND)) {
					failures.add(operation.method() + " " + flat + " (no base) -> " + wrong.statusCode());
				}
				assertThatIllegalArgumentException()
					.isThrownBy(() -> server.stubs().stub(operation.method(), operation.specPath()));
				wrongPaths++;
			}
		}

		assertThat(failures).isEmpty();
		assertThat(server.journal().apiRequestCount()).isEqualTo(601 + wrongPaths);
		assertThat(wrongPaths).isGreaterThan(500);
	}

	@Test
	void everyTypedOperationIsBuiltIntoTheEmulator() throws Exception {
		List<String> served = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		for (Class<?> api : List.of(IamApi.class, OrgApi.class, CostApi.class, BillingApi.class, CoverApi.class,
				OperationsApi.class)) {
			org.springframework.web.service.annotation.HttpExchange base = AnnotatedElementUtils
				.findMergedAnnotation(api, org.springframework.web.service.annotation.HttpExchange.class);
			for (java.lang.reflect.Method method : api.getMethods()) {
				org.springframework.web.service.annotation.HttpExchange exchange = AnnotatedElementUtils
					.findMergedAnnotation(method, org.springframework.web.service.annotation.HttpExchange.class);
				if (exchange == null) {
					continue;
				}
				String path = (base.url() + exchange.url()).replaceAll("\\{[^}]+}", "p1");
				assertThat(this.spec.operation(exchange.method(), base.url() + exchange.url())).isNotNull();
				HttpResponse<String> response = send(exchange.method(), path);
				// without a stub: a route miss is 404 "Not Found", a wrong method 501
				if (response.body().equals(NOT_FOUND) || response.statusCode() == 501) {
					failures
						.add(exchange.method() + " " + path + " -> " + response.statusCode() + " " + response.body());
				}
				served.add(exchange.method() + " " + path);
			}
		}

		assertThat(failures).isEmpty();
		assertThat(served).hasSize(32);
	}

	private static HttpResponse<String> send(String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
