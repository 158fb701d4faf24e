package io.github.wavestarter.starter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.wavestarter.blue.api.ApiUser;
import io.github.wavestarter.blue.api.IamApi;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.spring.EnableMockWave;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A servlet application as users write it, with the starter on its classpath: its own
 * endpoints stay open, and the Wave token works from request threads, a
 * {@code CommandLineRunner}, {@code @Scheduled}, {@code @Async} and plain threads, all
 * sharing one token.
 */
@SpringBootTest(classes = ServletApplicationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
@EnableMockWave(resetAfterEach = false)
class ServletApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	MockWaveServer wave;

	@Autowired
	App app;

	@Autowired
	@Qualifier("waveWebClient")
	WebClient waveWebClient;

	@Autowired
	AsyncCaller asyncCaller;

	@Test
	void applicationEndpointsStayOpenAndRequestThreadsCallTheBlueApi() throws Exception {
		HttpResponse<String> open = get("/hello");
		assertThat(open.statusCode()).isEqualTo(200);
		assertThat(open.body()).isEqualTo("hello");
		HttpResponse<String> whoami = get("/whoami");
		assertThat(whoami.statusCode()).isEqualTo(200);
		assertThat(whoami.body()).isEqualTo(this.wave.clientId());
	}

	@Test
	void everyKindOfThreadSharesOneToken() throws Exception {
		assertThat(this.app.atStartup.get(10, TimeUnit.SECONDS)).isEqualTo(this.wave.clientId());
		assertThat(this.app.scheduled.get(10, TimeUnit.SECONDS)).isEqualTo(this.wave.clientId());
		assertThat(this.asyncCaller.whoami().get(10, TimeUnit.SECONDS)).isEqualTo(this.wave.clientId());
		AtomicReference<String> plainThread = new AtomicReference<>();
		Thread thread = new Thread(() -> plainThread.set(whoamiBlocking(this.waveWebClient)));
		thread.start();
		thread.join(10_000);
		assertThat(plainThread.get()).isEqualTo(this.wave.clientId());
		assertThat(get("/whoami").body()).isEqualTo(this.wave.clientId());
		assertThat(this.wave.journal().tokenRequestCount()).isEqualTo(1);
		assertThat(this.wave.journal().apiRequests()).hasSizeGreaterThanOrEqualTo(5)
			.allSatisfy((request) -> assertThat(request.validToken()).isTrue());
	}

	@Test
	void tomcatRequestThreadsCallThroughWaveRestClientWithTheSameToken() throws Exception {
		assertThat(get("/whoami").body()).isEqualTo(this.wave.clientId());
		long tokens = this.wave.journal().tokenRequestCount();
		List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			calls.add(() -> get("/whoami-blocking"));
		}
		ExecutorService callers = Executors.newFixedThreadPool(16);
		try {
			for (Future<HttpResponse<String>> response : callers.invokeAll(calls, 60, TimeUnit.SECONDS)) {
				assertThat(response.get().statusCode()).isEqualTo(200);
				assertThat(response.get().body()).isEqualTo(this.wave.clientId());
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(this.wave.journal().tokenRequestCount()).isEqualTo(tokens);
		assertThat(this.wave.journal().apiRequests())
			.allSatisfy((request) -> assertThat(request.validToken()).isTrue());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	static String whoamiBlocking(WebClient waveWebClient) {
		return waveWebClient.get()
			.uri("/iam/v1/whoami")
			.retrieve()
			.bodyToMono(ApiUser.class)
			.map(ApiUser::id)
			.block(Duration.ofSeconds(10));
	}

	@SpringBootApplication
	@EnableScheduling
	@EnableAsync
	@RestController
	static class App {

		final CompletableFuture<String> atStartup = new CompletableFuture<>();

		final CompletableFuture<String> scheduled = new CompletableFuture<>();

		@Autowired
		IamApi iam;

		@Autowired
		@Qualifier("waveWebClient")
		WebClient waveWebClient;

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

		@Autowired
		@Qualifier("waveRestClient")
		RestClient waveRestClient;

		@GetMapping("/whoami-blocking")
		String whoamiThroughRestClient() {
			return this.waveRestClient.get().uri("/iam/v1/whoami").retrieve().body(ApiUser.class).id();
		}

		@GetMapping("/whoami")
		String whoami() {
			return this.iam.whoAmI().map(ApiUser::id).block(Duration.ofSeconds(10));
		}

		@Bean
		CommandLineRunner callAtStartup() {
			return (args) -> this.atStartup.complete(whoamiBlocking(this.waveWebClient));
		}

		@Scheduled(fixedDelay = 60_000)
		void callOnSchedule() {
			this.scheduled.complete(whoamiBlocking(this.waveWebClient));
		}

		@Bean
		AsyncCaller asyncCaller() {
			return new AsyncCaller(this.waveWebClient);
		}

	}

	@Service
	static class AsyncCaller {

		private final WebClient waveWebClient;

		AsyncCaller(WebClient waveWebClient) {
			this.waveWebClient = waveWebClient;
		}

		@Async
		CompletableFuture<String> whoami() {
			return CompletableFuture.completedFuture(whoamiBlocking(this.waveWebClient));
		}

	}

}
