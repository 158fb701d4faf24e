package io.github.wavestarter.starter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.wavestarter.blue.api.ApiUser;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.spring.EnableMockWave;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Tomcat application with {@code spring.threads.virtual.enabled=true} calling the Blue
 * API through {@code waveRestClient} from its request threads: virtual threads on Java 21
 * and later (checked), platform threads on Java 17, where Boot ignores the setting.
 */
@SpringBootTest(classes = VirtualThreadServletApplicationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "spring.threads.virtual.enabled=true" })
@EnableMockWave(resetAfterEach = false)
class VirtualThreadServletApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	MockWaveServer wave;

	@Test
	void requestThreadsShareOneTokenThroughWaveRestClient() throws Exception {
		List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < 64; i++) {
			calls.add(() -> HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/whoami")).build(),
						HttpResponse.BodyHandlers.ofString()));
		}
		ExecutorService callers = Executors.newFixedThreadPool(16);
		try {
			for (Future<HttpResponse<String>> response : callers.invokeAll(calls, 60, TimeUnit.SECONDS)) {
				assertThat(response.get().statusCode()).isEqualTo(200);
				assertThat(response.get().body())
					.isEqualTo(this.wave.clientId() + " " + (Runtime.version().feature() >= 21));
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(this.wave.journal().tokenRequestCount()).isEqualTo(1);
		assertThat(this.wave.journal().apiRequests()).hasSize(64)
			.allSatisfy((request) -> assertThat(request.validToken()).isTrue());
	}

	/** Whether the current thread is virtual (always {@code false} before Java 21). */
	static boolean isVirtual() {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

	@SpringBootApplication
	@RestController
	static class App {

		@Autowired
		@Qualifier("waveRestClient")
		RestClient waveRestClient;

		@GetMapping("/whoami")
		String whoami() {
			ApiUser user = this.waveRestClient.get().uri("/iam/v1/whoami").retrieve().body(ApiUser.class);
			return user.id() + " " + isVirtual();
		}

	}

}
